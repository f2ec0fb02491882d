using System.Security.Cryptography;
using System.Text;
using Collaboration.Domain.Common;

namespace Collaboration.Domain.Imports;

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

    public Guid Id { get; private set; } = RowId.New();
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
