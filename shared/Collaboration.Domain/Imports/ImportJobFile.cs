using System.Security.Cryptography;
using System.Text;
using Collaboration.Domain.Common;

namespace Collaboration.Domain.Imports;

/// <summary>
/// The uploaded file of an import job that has not finished, so a restart can resume it; deleted when the job ends.
/// </summary>
public sealed class ImportJobFile
{
    /// <summary>Larger uploads are refused (413) before a job is created.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    private ImportJobFile() { }

    public ImportJobFile(string tenantId, Guid importJobId, string fileName, byte[] content)
    {
        if (content.Length > MaxBytes) throw new ArgumentOutOfRangeException(nameof(content), $"An import file may have at most {MaxBytes} bytes.");
        TenantId = tenantId;
        ImportJobId = importJobId;
        FileName = fileName;
        Content = content;
    }

    public Guid ImportJobId { get; private set; }
    public string TenantId { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
}
