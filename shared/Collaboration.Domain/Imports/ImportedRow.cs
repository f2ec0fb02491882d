using System.Security.Cryptography;
using System.Text;
using Collaboration.Domain.Common;

namespace Collaboration.Domain.Imports;

/// <summary>
/// One imported row, by its idempotency key: the same source, email and deal name imported again is recognised
/// and changes nothing.
/// </summary>
public sealed class ImportedRow
{
    private ImportedRow() { }

    public ImportedRow(string tenantId, string rowKey, Guid opportunityId, Guid importJobId, DateTimeOffset at)
    {
        TenantId = tenantId;
        RowKey = rowKey;
        OpportunityId = opportunityId;
        ImportJobId = importJobId;
        ImportedAt = at;
    }

    public string TenantId { get; private set; } = "";
    public string RowKey { get; private set; } = "";
    public Guid OpportunityId { get; private set; }
    public Guid ImportJobId { get; private set; }
    public DateTimeOffset ImportedAt { get; private set; }

    /// <summary>SHA-256 over the source name, the normalized email and the deal name (case and spacing ignored).</summary>
    public static string KeyOf(string sourceName, string normalizedEmail, string dealName)
    {
        static string Fold(string s) => string.Join(' ', s.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var text = $"{Fold(sourceName)}\n{EmailAddress.Normalize(normalizedEmail)}\n{Fold(dealName)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
