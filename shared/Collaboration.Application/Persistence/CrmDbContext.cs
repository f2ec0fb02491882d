using System.Data.Common;
using System.Text.Json;
using Collaboration.Application.Access;
using Collaboration.Application.Conversations;
using Collaboration.Application.Reports;
using Collaboration.Domain.Accounts;
using Collaboration.Domain.Assignment;
using Collaboration.Domain.Capture;
using Collaboration.Domain.Contacts;
using Collaboration.Domain.Contracts;
using Collaboration.Domain.Imports;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Nurture;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Outbox;
using Collaboration.Domain.Products;
using Collaboration.Domain.Quotas;
using Collaboration.Domain.Quotes;
using Collaboration.Domain.Tenants;
using Collaboration.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace Collaboration.Application.Persistence;

/// <summary>
/// The CRM's unit of work. Every query is filtered to <see cref="TenantId"/>; saving writes the aggregates'
/// history rows and outbox events in the same transaction as the change, and refuses rows of another tenant.
/// </summary>
public abstract class CrmDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Set by <see cref="ICrmDatabase.Open(CurrentTenant)"/> each time a pooled instance is handed out.</summary>
    public string? TenantId { get; internal set; }

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<AccountDomain> AccountDomains => Set<AccountDomain>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<OpportunityChange> OpportunityChanges => Set<OpportunityChange>();
    public DbSet<StageStint> StageStints => Set<StageStint>();
    public DbSet<Interaction> Interactions => Set<Interaction>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<ConversationReferenceRecord> ConversationReferences => Set<ConversationReferenceRecord>();
    public DbSet<Quota> Quotas => Set<Quota>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<Mute> Mutes => Set<Mute>();
    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();
    public DbSet<Snooze> Snoozes => Set<Snooze>();
    public DbSet<FollowUpEnrolment> FollowUpEnrolments => Set<FollowUpEnrolment>();
    public DbSet<TenantNurtureSettings> NurtureSettings => Set<TenantNurtureSettings>();
    public DbSet<WebForm> WebForms => Set<WebForm>();
    public DbSet<AssignmentRule> AssignmentRules => Set<AssignmentRule>();
    public DbSet<RoundRobinCursor> RoundRobinCursors => Set<RoundRobinCursor>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<ImportMapping> ImportMappings => Set<ImportMapping>();
    public DbSet<ImportJobFile> ImportJobFiles => Set<ImportJobFile>();
    public DbSet<MailboxSubscription> MailboxSubscriptions => Set<MailboxSubscription>();
    public DbSet<ImportedRow> ImportedRows => Set<ImportedRow>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Quote> Quotes => Set<Quote>();
    public DbSet<ConvertSettings> ConvertSettings => Set<ConvertSettings>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<QuoteCardMessage> QuoteCardMessages => Set<QuoteCardMessage>();

    internal static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>True on PostgreSQL (row locks with SKIP LOCKED, microsecond times); false on SQLite (times stored as ticks).</summary>
    public abstract bool IsPostgres { get; }

    /// <summary>The tables, keys and columns: the provider's project applies its entity configurations here.</summary>
    protected abstract void ApplyEntityConfigurations(ModelBuilder modelBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ApplyEntityConfigurations(modelBuilder);
        modelBuilder.Entity<Tenant>().HasQueryFilter(e => e.Id == TenantId);
        modelBuilder.Entity<User>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<Account>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<AccountDomain>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<Contact>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<Opportunity>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<OpportunityChange>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<StageStint>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<Interaction>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<OutboxMessage>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<ConversationReferenceRecord>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<Quota>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<Delivery>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<Subscription>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<Mute>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<NotificationSettings>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<Snooze>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<FollowUpEnrolment>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<TenantNurtureSettings>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<WebForm>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<AssignmentRule>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<RoundRobinCursor>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<ImportJob>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<ImportMapping>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<ImportJobFile>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<MailboxSubscription>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<ImportedRow>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<AuditEntry>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<Product>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<Quote>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<ConvertSettings>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<Milestone>().HasQueryFilter(e => e.TenantId == TenantId);
        modelBuilder.Entity<QuoteCardMessage>().HasQueryFilter(e => e.TenantId == TenantId);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // The tracked values are compared with their snapshots once, here, before the writer's lock: every
        // ChangeTracker.Entries() below and each of EF Core's saves would otherwise do it again, the saves under the lock.
        // Nothing changes a tracked value after this pass but the stint writes, which look at their own rows.
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        if (autoDetect) ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var (deals, appendOnly) = PrepareDeals();
            // Nothing to write (a known sender matched again, a form saved as it was): no place in the writers' queue,
            // whose group commit it would otherwise wait for.
            if (deals.Count == 0 && !ChangeTracker.HasChanges()) return 0;
            EnsureOneTenant();
            var wroteOutbox = deals.Any(e => e.Entity.PendingEvents.Count > 0);
            var plan = StageStintProjection.Plan(this, deals);
            var stints = plan.Count == 0 ? null : await StageStintProjection.PrepareAsync(this, plan, cancellationToken);
            var written = await WriteAsync(ct => appendOnly is null
                ? SaveTrackedAsync(stints, acceptAllChangesOnSuccess, ct)
                : SaveWithAppendOnlyRowsAsync(stints, appendOnly, acceptAllChangesOnSuccess, ct), cancellationToken);
            foreach (var entry in deals) entry.Entity.ClearPending();
            // Committed now unless the caller holds a transaction (then the dispatcher finds the rows at its next poll).
            if (wroteOutbox && Database.CurrentTransaction is null) OutboxWritten?.Set();
            return written;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private Task<int> SaveTrackedAsync(StageStintProjection.Writes? stints, bool acceptAllChangesOnSuccess, CancellationToken ct) => stints is null
        ? base.SaveChangesAsync(acceptAllChangesOnSuccess, ct)
        : SaveWithStintsAsync(stints, acceptAllChangesOnSuccess, ct);

    /// <summary>
    /// The tracked rows and then the append-only ones (after their deals: a history row's deal is its foreign key), in
    /// one transaction: the caller's (the writers' group, each save in a savepoint) or one of its own.
    /// </summary>
    private async Task<int> SaveWithAppendOnlyRowsAsync(StageStintProjection.Writes? stints, AppendOnlyRows rows, bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        try
        {
            var written = await SaveTrackedAsync(stints, acceptAllChangesOnSuccess, ct);
            written += await AppendOnlyRowInsert.WriteAsync(this, rows.History, ct);
            written += await AppendOnlyRowInsert.WriteAsync(this, rows.Outbox, ct);
            if (own is not null) await own.CommitAsync(ct);
            return written;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>A save's rows that are written apart from EF Core's tracking, on SQLite (<see cref="AppendOnlyRowInsert"/>).</summary>
    private sealed record AppendOnlyRows(List<OpportunityChange> History, List<OutboxMessage> Outbox);

    /// <summary>
    /// The deals this save writes, their versions raised and their history rows and outbox messages added: on SQLite
    /// given back to be written apart (<see cref="AppendOnlyRowInsert"/>).
    /// </summary>
    private (List<EntityEntry<Opportunity>> Deals, AppendOnlyRows? AppendOnly) PrepareDeals()
    {
        AppendOnlyRows? appendOnly = null;
        var deals = ChangeTracker.Entries<Opportunity>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified || e.Entity.PendingChanges.Count > 0 || e.Entity.PendingEvents.Count > 0)
            .ToList();
        foreach (var entry in deals)
        {
            if (entry.State == EntityState.Unchanged) entry.State = EntityState.Modified;
            if (entry.State == EntityState.Modified)
            {
                var version = entry.Property<int>(nameof(Opportunity.Version));
                version.CurrentValue = version.OriginalValue + 1;
            }
            if (IsPostgres) OpportunityChanges.AddRange(entry.Entity.PendingChanges);
            else if (entry.Entity.PendingChanges.Count > 0 || entry.Entity.PendingEvents.Count > 0)
            {
                (appendOnly ??= new AppendOnlyRows([], [])).History.AddRange(entry.Entity.PendingChanges);
            }
            // By name: a lambda here is an expression tree built, and taken apart by reflection, on every save.
            var savedVersion = entry.Property<int>(nameof(Opportunity.Version)).CurrentValue;
            foreach (var domainEvent in entry.Entity.PendingEvents)
            {
                var stamped = domainEvent with { OpportunityVersion = savedVersion };
                var message = new OutboxMessage(entry.Entity.TenantId, stamped.GetType().Name,
                    JsonSerializer.Serialize(stamped, stamped.GetType(), EventJson), stamped.At);
                if (appendOnly is null) Outbox.Add(message);
                else appendOnly.Outbox.Add(message);
            }
        }
        return (deals, appendOnly);
    }

    /// <summary>
    /// The deals' rows and their stints, in one save: the deal row's version check is what makes the second of two
    /// concurrent changes to a deal fail as a conflict, so it must come before either writer touches the stints (else
    /// the loser would fail on a stint's key instead, as an error). EF Core orders a save's statements without a
    /// dependency by table name, which puts the deal's update ahead of the stints, and reads their results in that
    /// order: SQLite runs them one at a time and stops at the first that fails; PostgreSQL gets them in one batch and
    /// runs it whole, and Npgsql's reader reports the last error of the batch: the loser's stint key, behind its deal
    /// update that changed no row. Such a save is told as the conflict it is when a deal it writes is no longer at the
    /// version it was read at (<c>StintSaveTests</c>); any other failure stays as it was.
    /// </summary>
    private async Task<int> SaveWithStintsAsync(StageStintProjection.Writes stints, bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        if (!acceptAllChangesOnSuccess) throw new NotSupportedException("A save that moves deals accepts its changes: the stints are written with them.");
        stints.Track(this);
        try
        {
            return await base.SaveChangesAsync(true, ct);
        }
        catch (DbUpdateException failed) when (failed is not DbUpdateConcurrencyException && IsPostgres)
        {
            stints.Untrack(this);
            if (await DealsChangedSinceReadAsync(ct)) throw new DbUpdateConcurrencyException("A deal this save writes was changed since it was read.", failed);
            throw;
        }
        catch
        {
            stints.Untrack(this);
            throw;
        }
    }

    /// <summary>Whether a deal this unit of work updates is at another version than it was read at, or gone.</summary>
    private async Task<bool> DealsChangedSinceReadAsync(CancellationToken ct)
    {
        var read = ChangeTracker.Entries<Opportunity>().Where(e => e.State == EntityState.Modified)
            .ToDictionary(e => e.Entity.Id, e => e.Property<int>(nameof(Opportunity.Version)).OriginalValue);
        if (read.Count == 0) return false;
        try
        {
            var ids = read.Keys.ToList();
            var now = await Opportunities.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Version }).ToListAsync(ct);
            return now.Count < read.Count || now.Any(o => o.Version != read[o.Id]);
        }
        catch (DbException)
        {
            // A caller's transaction the failure left unusable: the failure is reported as it was.
            return false;
        }
    }

    /// <summary>
    /// A transaction for a unit of work that claims rows and writes them back in it (the outbox dispatcher). On SQLite
    /// it queues with the process's other writers for as long as it lasts: it holds SQLite's write lock from its start,
    /// and a save that met that lock would wait in SQLite's busy handler (sleeps of up to 100 ms a try) while keeping
    /// every other writer of the process queued behind it.
    /// </summary>
    public virtual Task<IDbContextTransaction> BeginWriteTransactionAsync(CancellationToken ct = default) => Database.BeginTransactionAsync(ct);

    /// <summary>
    /// The reads that follow, until the scope ends or this unit of work writes, see the database as of one moment. For
    /// the reads a change or a card makes together: on SQLite they then share the connection's page cache, which a
    /// commit anywhere else empties before every read that begins on its own. A no-op on PostgreSQL.
    /// </summary>
    public virtual IDisposable ReadTogether() => NoReadScope.Instance;

    private sealed class NoReadScope : IDisposable
    {
        public static readonly NoReadScope Instance = new();
        public void Dispose() { }
    }

    /// <summary>Runs the writes of a save (everything it read and worked out is done): SQLite queues its writers here.</summary>
    protected virtual Task<int> WriteAsync(Func<CancellationToken, Task<int>> write, CancellationToken ct) => write(ct);

    /// <summary>Told when this unit of work committed outbox rows (set by <see cref="ICrmDatabase.Open(CurrentTenant)"/>).</summary>
    internal WorkSignal? OutboxWritten { get; set; }

    private void EnsureOneTenant()
    {
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            var owner = entry.Entity is Tenant t ? t.Id : entry.Property(nameof(TenantId)).CurrentValue as string;
            if (owner != TenantId)
            {
                throw new InvalidOperationException($"A {entry.Entity.GetType().Name} of another tenant cannot be written in this tenant's unit of work.");
            }
        }
    }
}

/// <summary>The tenant a request acts for; set by the front end's authentication before anything touches data.</summary>
public sealed class CurrentTenant
{
    public string? Id { get; set; }
}
