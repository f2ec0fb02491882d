using System.Threading.Channels;
using Collaboration.Application.Assignment;
using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Accounts;
using Collaboration.Domain.Assignment;
using Collaboration.Domain.Capture;
using Collaboration.Domain.Common;
using Collaboration.Domain.Contacts;
using Collaboration.Domain.Imports;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collaboration.Application.Imports;

public sealed record ImportPreview(
    IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> FirstRows, int TotalRows,
    IReadOnlyDictionary<string, string> Mapping, bool MappingRemembered, IReadOnlyCollection<string> Fields);

/// <summary>A job waiting for the worker; its file and mapping are in the database, so a restart can resume it.</summary>
public sealed record ImportWork(Guid JobId, string TenantId);

/// <summary>A job being written: the file parsed again from its stored bytes.</summary>
internal sealed record ImportRun(Guid JobId, string TenantId, Actor Actor, string SourceName, ImportTable Table, IReadOnlyDictionary<string, string> Mapping);

/// <summary>
/// Event and trade-show lists: preview, map, validate, then import in batches. Contacts are matched by email
/// (existing ones reused, repeats within the file folded), and each row has an idempotency key, so importing the
/// same file again changes nothing.
/// </summary>
public sealed class ImportService(ICrmDatabase database, PartyMatcher parties, LeadAssigner assigner, TimeProvider clock, ImportQueue queue, ImportLimits limits,
    IImportFileReader files)
{
    public const int BatchSize = 500;
    public const int PreviewRows = 10;

    public async Task<ImportPreview> PreviewAsync(Actor actor, ImportTable table, string? sourceName, CancellationToken ct = default)
    {
        Dictionary<string, string>? remembered = null;
        if (!string.IsNullOrWhiteSpace(sourceName))
        {
            await using var db = database.Open(actor.TenantId);
            var key = ImportMapping.KeyOf(sourceName);
            remembered = (await db.ImportMappings.AsNoTracking().FirstOrDefaultAsync(m => m.SourceKey == key, ct))?.Columns;
            if (remembered is not null && ImportFields.Problems(remembered, table.Columns).Count > 0) remembered = null;
        }
        return new ImportPreview(table.Columns, table.Rows.Take(PreviewRows).Select(r => (IReadOnlyList<string>)r.Cells).ToList(), table.Rows.Count,
            remembered ?? ImportFields.Detect(table.Columns), remembered is not null, ImportFields.All);
    }

    /// <summary>
    /// Checks the mapping, remembers it for the source, stores the job with its file, and queues it; the worker writes
    /// the rows. The stored file lets a restart resume the job (<see cref="ResumePendingAsync"/>).
    /// </summary>
    public async Task<ImportJob> StartAsync(Actor actor, ImportTable table, byte[] content, string sourceName, string fileName, IReadOnlyDictionary<string, string> mapping, CancellationToken ct = default)
    {
        if (content.Length > ImportJobFile.MaxBytes) throw new ImportFileException($"The file is larger than {ImportJobFile.MaxBytes / (1024 * 1024)} MB.");
        if (string.IsNullOrWhiteSpace(sourceName)) throw new DomainException(DomainError.Of("name_required"));
        var problems = ImportFields.Problems(mapping, table.Columns);
        if (problems.Count > 0) throw new ImportFileException(string.Join(" ", problems));
        await using var db = database.Open(actor.TenantId);
        var now = clock.GetUtcNow();
        var key = ImportMapping.KeyOf(sourceName);
        var stored = await db.ImportMappings.FirstOrDefaultAsync(m => m.SourceKey == key, ct);
        if (stored is null) db.ImportMappings.Add(new ImportMapping(actor.TenantId, sourceName, mapping, now));
        else stored.Remember(mapping, now);
        var job = new ImportJob(actor.TenantId, sourceName, fileName, table.Rows.Count, actor.UserObjectId, now, mapping);
        db.ImportJobs.Add(job);
        db.ImportJobFiles.Add(new ImportJobFile(actor.TenantId, job.Id, fileName, content));
        await db.SaveChangesAsync(ct);
        await queue.EnqueueAsync(new ImportWork(job.Id, actor.TenantId), ct);
        return job;
    }

    public ImportLimits Limits => limits;

    /// <summary>Reads an uploaded file within the configured <see cref="ImportLimits"/>.</summary>
    public ImportTable Read(byte[] content, string fileName) => files.Read(content, fileName, limits);

    /// <summary>A job its uploader or an admin asks about; to anyone else it does not exist.</summary>
    public async Task<ImportJob> GetAsync(Actor actor, Guid id, bool actorIsAdmin, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        return job is not null && job.IsVisibleTo(actor.UserObjectId, actorIsAdmin) ? job : throw new NotFoundException("import");
    }

    /// <summary>Queues every job of every tenant that was queued or running when the process stopped.</summary>
    public async Task<int> ResumePendingAsync(CancellationToken ct = default)
    {
        List<ImportWork> pending;
        await using (var system = database.Open((string?)null))
        {
            pending = await system.ImportJobs.IgnoreQueryFilters().AsNoTracking()
                .Where(j => j.Status == ImportJobStatus.Queued || j.Status == ImportJobStatus.Running)
                .OrderBy(j => j.CreatedAt)
                .Select(j => new ImportWork(j.Id, j.TenantId))
                .ToListAsync(ct);
        }
        foreach (var work in pending) await queue.EnqueueAsync(work, ct);
        return pending.Count;
    }

    /// <summary>
    /// Runs a queued job to the end from where it stopped. Each batch's rows and the job's counts and position are saved
    /// together, so a job interrupted at any point resumes without counting a row twice; a finished job is left alone.
    /// </summary>
    public async Task ProcessAsync(ImportWork queued, CancellationToken ct = default)
    {
        ImportRun work;
        int resumeAt;
        await using (var db = database.Open(queued.TenantId))
        {
            var job = await db.ImportJobs.FirstOrDefaultAsync(j => j.Id == queued.JobId, ct);
            if (job is null || job.IsFinished) return;
            var file = await db.ImportJobFiles.AsNoTracking().FirstOrDefaultAsync(f => f.ImportJobId == job.Id, ct);
            if (file is null)
            {
                job.Fail("The uploaded file is no longer stored; upload it again.", clock.GetUtcNow());
                await db.SaveChangesAsync(ct);
                return;
            }
            job.Start();
            await db.SaveChangesAsync(ct);
            ImportTable table;
            try
            {
                table = Read(file.Content, file.FileName);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Left Running, the job would be read again, and fail again, at every start.
                var reason = e is ImportFileException ? e.Message : $"The file could not be read ({e.GetType().Name}).";
                await FinishAsync(queued, j => j.Fail(reason, clock.GetUtcNow()), CancellationToken.None);
                return;
            }
            work = new ImportRun(job.Id, job.TenantId, new Actor(job.TenantId, job.CreatedBy, ChangeSurface.Import), job.SourceName, table, job.Mapping);
            resumeAt = job.NextRow;
        }
        try
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var position = 0;
            foreach (var batch in work.Table.Rows.Chunk(BatchSize))
            {
                position += batch.Length;
                if (position <= resumeAt)
                {
                    // Written before the restart: only remember its keys, so later repeats still count as duplicates.
                    foreach (var line in batch)
                    {
                        if (ImportFields.Read(line, work.Mapping, work.Table.Columns).Candidate is { } done)
                        {
                            seen.Add(ImportedRow.KeyOf(work.SourceName, done.Email, DealNameOf(done, work.SourceName)));
                        }
                    }
                    continue;
                }
                var errors = new List<ImportRowError>();
                var candidates = new List<(ImportCandidate Row, string Key, string DealName)>();
                var duplicates = 0;
                foreach (var line in batch)
                {
                    var (candidate, rowErrors) = ImportFields.Read(line, work.Mapping, work.Table.Columns);
                    if (candidate is null)
                    {
                        errors.AddRange(rowErrors);
                        continue;
                    }
                    var dealName = DealNameOf(candidate, work.SourceName);
                    var key = ImportedRow.KeyOf(work.SourceName, candidate.Email, dealName);
                    if (!seen.Add(key)) duplicates++;
                    else candidates.Add((candidate, key, dealName));
                }
                var end = position;
                await WriteBatchAsync(work, candidates, (job, counts) =>
                {
                    job.RecordInvalid(errors);
                    job.RecordBatch(counts.Created, counts.ExistingContacts, counts.AlreadyImported, duplicates);
                    job.Advance(end);
                }, ct);
            }
            await FinishAsync(queued, job => job.Complete(clock.GetUtcNow()), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await FinishAsync(queued, job => job.Fail(e.Message, clock.GetUtcNow()), CancellationToken.None);
            throw;
        }
    }

    /// <summary>Ends the job and drops its stored file.</summary>
    private async Task FinishAsync(ImportWork work, Action<ImportJob> change, CancellationToken ct)
    {
        await using var db = database.Open(work.TenantId);
        var job = await db.ImportJobs.FirstAsync(j => j.Id == work.JobId, ct);
        change(job);
        if (await db.ImportJobFiles.FirstOrDefaultAsync(f => f.ImportJobId == work.JobId, ct) is { } file) db.ImportJobFiles.Remove(file);
        await db.SaveChangesAsync(ct);
    }

    private static string DealNameOf(ImportCandidate row, string sourceName)
    {
        var name = row.DealName ?? $"{row.Company ?? row.Name ?? row.Email} – {sourceName}";
        return name.Length <= Opportunity.MaxNameLength ? name : name[..(Opportunity.MaxNameLength - 1)] + "…";
    }

    private sealed record BatchCounts(int Created, int ExistingContacts, int AlreadyImported);

    /// <summary>
    /// One batch in one unit of work: one lookup of the batch's contacts, accounts and keys, then one save. If a
    /// concurrent capture created one of the same contacts meanwhile, the batch is redone row by row through the
    /// <see cref="PartyMatcher"/>, which settles such races.
    /// </summary>
    private async Task WriteBatchAsync(ImportRun work, List<(ImportCandidate Row, string Key, string DealName)> rows, Action<ImportJob, BatchCounts> record, CancellationToken ct)
    {
        try
        {
            await WriteBatchOnceAsync(work, rows, record, ct);
        }
        catch (DbUpdateException)
        {
            var created = 0; var existing = 0; var already = 0;
            foreach (var row in rows)
            {
                var outcome = await WriteRowAsync(work, row.Row, row.Key, row.DealName, ct);
                if (outcome is null) already++;
                else { created++; if (outcome.Value) existing++; }
            }
            await using var db = database.Open(work.TenantId);
            record(await db.ImportJobs.FirstAsync(j => j.Id == work.JobId, ct), new BatchCounts(created, existing, already));
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The batch's rows and the job's progress in one save.</summary>
    private async Task WriteBatchOnceAsync(ImportRun work, List<(ImportCandidate Row, string Key, string DealName)> rows, Action<ImportJob, BatchCounts> record, CancellationToken ct)
    {
        await using var db = database.Open(work.TenantId);
        var job = await db.ImportJobs.FirstAsync(j => j.Id == work.JobId, ct);
        var keys = rows.Select(r => r.Key).ToList();
        var done = keys.Count == 0 ? []
            : (await db.ImportedRows.AsNoTracking().Where(r => keys.Contains(r.RowKey)).Select(r => r.RowKey).ToListAsync(ct)).ToHashSet();
        var todo = rows.Where(r => !done.Contains(r.Key)).ToList();
        if (todo.Count == 0)
        {
            record(job, new BatchCounts(0, 0, rows.Count));
            await db.SaveChangesAsync(ct);
            return;
        }

        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(ct);
        var emails = todo.Select(r => r.Row.Email).Distinct().ToList();
        var contacts = await db.Contacts.Where(c => emails.Contains(c.Email)).ToDictionaryAsync(c => c.Email, ct);
        var existingEmails = contacts.Keys.ToHashSet();
        var domains = todo.Select(r => EmailAddress.DomainOf(r.Row.Email)).Distinct().Where(d => !IsFreeMail(tenant, d)).ToList();
        var accountsByDomain = (await db.AccountDomains.AsNoTracking().Where(d => domains.Contains(d.Domain)).ToListAsync(ct))
            .ToDictionary(d => d.Domain, d => d.AccountId);

        foreach (var (row, _, _) in todo)
        {
            if (contacts.TryGetValue(row.Email, out var known))
            {
                known.LearnFrom(row.Name, row.Title, row.Phone);
                if (known.AccountId is null && AccountFor(row) is { } accountId) known.LinkToAccount(accountId);
                continue;
            }
            var contact = new Contact(work.TenantId, row.Email, row.Name, AccountFor(row));
            contact.LearnFrom(null, row.Title, row.Phone);
            db.Contacts.Add(contact);
            contacts[row.Email] = contact;
        }

        var candidates = todo.Select(r => new AssignmentCandidate(r.Row.Email, r.Row.Country, contacts[r.Row.Email].AccountId)).ToList();
        var owners = await assigner.AssignAsync(work.TenantId, candidates, work.Actor.UserObjectId, ct);
        var pipeline = await OpportunityService.PipelineAsync(db, ct);
        var now = clock.GetUtcNow();
        for (var i = 0; i < todo.Count; i++)
        {
            var (row, key, dealName) = todo[i];
            var contact = contacts[row.Email];
            AddDeal(db, work, row, key, dealName, contact.Id, contact.AccountId, owners[i], pipeline, now);
        }
        record(job, new BatchCounts(todo.Count, todo.Count(r => existingEmails.Contains(r.Row.Email)), rows.Count - todo.Count));
        await db.SaveChangesAsync(ct);

        Guid? AccountFor(ImportCandidate row)
        {
            var domain = EmailAddress.DomainOf(row.Email);
            if (IsFreeMail(tenant, domain)) return null;
            if (accountsByDomain.TryGetValue(domain, out var id)) return id;
            var account = new Account(work.TenantId, string.IsNullOrWhiteSpace(row.Company) ? Account.NameFromDomain(domain) : row.Company, domain);
            db.Accounts.Add(account);
            accountsByDomain[domain] = account.Id;
            return account.Id;
        }
    }

    /// <summary>One row on its own; null when it had been imported already, else whether the contact existed.</summary>
    private async Task<bool?> WriteRowAsync(ImportRun work, ImportCandidate row, string key, string dealName, CancellationToken ct)
    {
        await using (var check = database.Open(work.TenantId))
        {
            if (await check.ImportedRows.AnyAsync(r => r.RowKey == key, ct)) return null;
        }
        var party = await parties.MatchOrCreateAsync(work.TenantId, row.Email, row.Name, row.Company, ct);
        var owner = await assigner.AssignAsync(work.TenantId, new AssignmentCandidate(row.Email, row.Country, party.Account?.Id), work.Actor.UserObjectId, ct);
        await using var db = database.Open(work.TenantId);
        var pipeline = await OpportunityService.PipelineAsync(db, ct);
        AddDeal(db, work, row, key, dealName, party.Contact.Id, party.Account?.Id, owner, pipeline, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
            return !party.ContactIsNew;
        }
        catch (DbUpdateException)
        {
            return null; // the same row, imported concurrently
        }
    }

    private static void AddDeal(CrmDbContext db, ImportRun work, ImportCandidate row, string key, string dealName, Guid contactId, Guid? accountId,
        string owner, Domain.Pipeline.PipelineSettings pipeline, DateTimeOffset now)
    {
        var context = new ChangeContext(work.Actor.UserObjectId, ChangeSurface.Import, now);
        var deal = Opportunity.Capture(work.TenantId, dealName, owner, pipeline, context, CaptureSource.Import, Detail(work.SourceName, row.Line),
            accountId, contactId, row.Amount, row.Currency, row.CloseDate);
        if (FormHints.Read(row.Budget, row.Timeline, row.Notes, row.Name, DateOnly.FromDateTime(now.UtcDateTime)) is { } hints)
        {
            deal.UpdateQualification(hints, pipeline, context);
        }
        db.Opportunities.Add(deal);
        if (!string.IsNullOrWhiteSpace(row.Notes))
        {
            var summary = row.Notes.Length > 1000 ? row.Notes[..999] + "…" : row.Notes;
            db.Interactions.Add(new Interaction(work.TenantId, deal.Id, contactId, InteractionKind.Note, Direction.Inbound, now, summary,
                work.Actor.UserObjectId, ChangeSurface.Import, null, null, row.Notes, work.SourceName));
            deal.RecordActivity(now, context);
        }
        db.ImportedRows.Add(new ImportedRow(work.TenantId, key, deal.Id, work.JobId, now));
    }

    private static string Detail(string sourceName, int line)
    {
        var detail = $"{sourceName} (line {line})";
        return detail.Length <= 500 ? detail : detail[..500];
    }

    private static bool IsFreeMail(Tenant? tenant, string domain) => tenant?.IsFreeMail(domain) ?? FreeMailDomains.Contains(domain);
}

/// <summary>Jobs waiting for the <see cref="ImportWorker"/>.</summary>
public sealed class ImportQueue
{
    private readonly Channel<ImportWork> _channel = Channel.CreateUnbounded<ImportWork>(new UnboundedChannelOptions { SingleReader = true });

    public ValueTask EnqueueAsync(ImportWork work, CancellationToken ct) => _channel.Writer.WriteAsync(work, ct);

    public IAsyncEnumerable<ImportWork> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}
