using System.Security.Cryptography;
using System.Text;
using Collaboration.Domain.Common;

namespace Collaboration.Domain.Imports;

public enum ImportJobStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>A problem with one row of an imported file, by the line a person sees in a text editor (the header is line 1).</summary>
public sealed record ImportRowError(int Line, string Column, string Message);

/// <summary>An event or trade-show list being imported: its progress and what happened to each row.</summary>
public sealed class ImportJob
{
    /// <summary>More errors than this are counted but not listed.</summary>
    public const int MaxListedErrors = 500;

    private ImportJob() { }

    public ImportJob(string tenantId, string sourceName, string fileName, int totalRows, string createdBy, DateTimeOffset at,
        IReadOnlyDictionary<string, string>? mapping = null)
    {
        TenantId = tenantId;
        Mapping = mapping is null ? [] : new Dictionary<string, string>(mapping);
        SourceName = sourceName.Trim();
        FileName = fileName;
        TotalRows = totalRows;
        CreatedBy = createdBy;
        CreatedAt = at;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string TenantId { get; private set; } = "";
    public string SourceName { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public ImportJobStatus Status { get; private set; }
    public int TotalRows { get; private set; }
    public int ProcessedRows { get; private set; }

    /// <summary>New deals.</summary>
    public int Created { get; private set; }

    /// <summary>Rows whose email already was a contact: the contact was reused, not duplicated.</summary>
    public int ExistingContacts { get; private set; }

    /// <summary>Rows imported before (same source, email and deal): nothing changed.</summary>
    public int AlreadyImported { get; private set; }

    /// <summary>Rows repeating an earlier row of the same file.</summary>
    public int DuplicatesInFile { get; private set; }
    public int Invalid { get; private set; }
    public List<ImportRowError> Errors { get; private set; } = [];
    public string? Failure { get; private set; }

    /// <summary>Which column holds which field, as the job was started with (kept so a restart resumes it the same way).</summary>
    public Dictionary<string, string> Mapping { get; private set; } = [];

    /// <summary>How many data rows of the file are done (0-based index of the next row); saved with each batch's writes.</summary>
    public int NextRow { get; private set; }

    public bool IsFinished => Status is ImportJobStatus.Completed or ImportJobStatus.Failed;
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public void Start() => Status = ImportJobStatus.Running;

    /// <summary>A job shows its file name, counts and rejected rows: only its uploader and admins see it.</summary>
    public bool IsVisibleTo(string userObjectId, bool isAdmin) => isAdmin || string.Equals(CreatedBy, userObjectId, StringComparison.Ordinal);

    public void RecordInvalid(IEnumerable<ImportRowError> errors)
    {
        foreach (var line in errors.GroupBy(e => e.Line))
        {
            Invalid++;
            ProcessedRows++;
            foreach (var error in line)
            {
                if (Errors.Count < MaxListedErrors) Errors.Add(error);
            }
        }
        Errors = [.. Errors];
    }

    public void RecordBatch(int created, int existingContacts, int alreadyImported, int duplicatesInFile)
    {
        Created += created;
        ExistingContacts += existingContacts;
        AlreadyImported += alreadyImported;
        DuplicatesInFile += duplicatesInFile;
        ProcessedRows += created + alreadyImported + duplicatesInFile;
    }

    public void Advance(int nextRow) => NextRow = Math.Max(NextRow, nextRow);

    public void Complete(DateTimeOffset at)
    {
        Status = ImportJobStatus.Completed;
        CompletedAt = at;
    }

    public void Fail(string reason, DateTimeOffset at)
    {
        Status = ImportJobStatus.Failed;
        Failure = reason;
        CompletedAt = at;
    }
}

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

    public Guid Id { get; private set; } = Guid.NewGuid();
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
