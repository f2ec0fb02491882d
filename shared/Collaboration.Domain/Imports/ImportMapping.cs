using System.Security.Cryptography;
using System.Text;
using Collaboration.Domain.Common;

namespace Collaboration.Domain.Imports;

/// <summary>Which column holds which field, remembered per source name so the next list from the same show maps itself.</summary>
public sealed class ImportMapping
{
    private ImportMapping() { }

    public ImportMapping(string tenantId, string sourceName, IReadOnlyDictionary<string, string> columns, DateTimeOffset at)
    {
        TenantId = tenantId;
        SourceKey = KeyOf(sourceName);
        Columns = new Dictionary<string, string>(columns);
        UpdatedAt = at;
    }

    public Guid Id { get; private set; } = RowId.New();
    public string TenantId { get; private set; } = "";
    public string SourceKey { get; private set; } = "";
    public Dictionary<string, string> Columns { get; private set; } = [];
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Remember(IReadOnlyDictionary<string, string> columns, DateTimeOffset at)
    {
        Columns = new Dictionary<string, string>(columns);
        UpdatedAt = at;
    }

    public static string KeyOf(string sourceName) => sourceName.Trim().ToLowerInvariant();
}
