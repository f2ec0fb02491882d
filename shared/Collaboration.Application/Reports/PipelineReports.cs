using Collaboration.Application.Access;
using Collaboration.Application.Opportunities;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Reports;

/// <summary>
/// The Review phase's numbers, computed from the stage history rather than the deals' current state (the forecast
/// and coverage, which are about current amounts and close dates, excepted). Only the actor's tenant, and only deals
/// whose owner the actor may see, ever count. Grouping runs in SQL where it translates on both providers; what needs a
/// deal's whole stage path streams the stage rows ordered by deal and time, one deal in memory at a time.
/// </summary>
public sealed class PipelineReports(CrmDatabase database, TimeProvider clock)
{
    private static readonly string WonKey = Stage.Won.Key();
    private static readonly string LostKey = Stage.Lost.Key();

    public async Task<ConversionReport> ConversionAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        await using var scope = await OpenAsync(actor, filter, ct);
        var tally = new Dictionary<(GroupKey, Stage), int[]>();
        await foreach (var life in StageLivesAsync(scope, ct))
        {
            var stints = life.Stints;
            foreach (var stage in StageFacts.OpenStages)
            {
                var entry = stints.FindIndex(s => s.Stage == stage && filter.Contains(s.EnteredAt));
                if (entry < 0) continue;
                var counts = Tally(tally, (scope.Key(life.OwnerId, life.Source, stints[entry].EnteredAt), stage), 3);
                counts[0]++;
                bool advanced = false, won = false;
                for (var i = entry + 1; i < stints.Count; i++)
                {
                    advanced |= Rank(stints[i].Stage) > Rank(stage);
                    won |= stints[i].Stage == Stage.Won;
                }
                if (advanced) counts[1]++;
                if (won) counts[2]++;
            }
        }
        var rows = tally
            .Select(t => new ConversionRow(t.Key.Item1.Month, t.Key.Item1.OwnerId, t.Key.Item1.Team, t.Key.Item1.Source, t.Key.Item2, t.Value[0], t.Value[1], t.Value[2]))
            .OrderBy(r => r.Month, StringComparer.Ordinal).ThenBy(r => r.OwnerId, StringComparer.Ordinal).ThenBy(r => r.Team, StringComparer.Ordinal)
            .ThenBy(r => r.Source).ThenBy(r => r.Stage)
            .ToList();
        return new ConversionReport(scope.AsOf, rows);
    }

    public async Task<CycleReport> CycleAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        await using var scope = await OpenAsync(actor, filter, ct);
        var samples = new Dictionary<(GroupKey, string), (List<double> Days, int Open)>();
        await foreach (var life in StageLivesAsync(scope, ct))
        {
            var last = life.Stints[^1];
            if (last.Stage == Stage.Won && filter.Contains(last.EnteredAt))
            {
                var key = (scope.Key(life.OwnerId, life.Source, last.EnteredAt), CycleReport.CaptureToWon);
                var sample = samples.TryGetValue(key, out var s) ? s : samples[key] = ([], 0);
                sample.Days.Add((last.EnteredAt - life.Stints[0].EnteredAt).TotalDays);
            }
            for (var i = 0; i < life.Stints.Count; i++)
            {
                var stint = life.Stints[i];
                if (stint.Stage.IsClosed() || !filter.Contains(stint.EnteredAt)) continue;
                var open = i == life.Stints.Count - 1;
                var until = open ? scope.AsOf : life.Stints[i + 1].EnteredAt;
                var key = (scope.Key(life.OwnerId, life.Source, stint.EnteredAt), stint.Stage.Key());
                var sample = samples.TryGetValue(key, out var s) ? s : ([], 0);
                sample.Days.Add((until - stint.EnteredAt).TotalDays);
                samples[key] = (sample.Days, sample.Open + (open ? 1 : 0));
            }
        }
        var rows = samples
            .Select(s => new CycleRow(s.Key.Item1.Month, s.Key.Item1.OwnerId, s.Key.Item1.Team, s.Key.Item1.Source, s.Key.Item2,
                s.Value.Days.Count, s.Value.Open, s.Value.Days.Average(), Median(s.Value.Days)))
            .OrderBy(r => r.Month, StringComparer.Ordinal).ThenBy(r => r.OwnerId, StringComparer.Ordinal).ThenBy(r => r.Team, StringComparer.Ordinal)
            .ThenBy(r => r.Source).ThenBy(r => MeasureOrder(r.Measure))
            .ToList();
        return new CycleReport(scope.AsOf, rows);
    }

    public async Task<WinRateReport> WinRateAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        await using var scope = await OpenAsync(actor, filter, ct);
        var groups = await FinalClosesInPeriod(scope)
            .GroupBy(x => new { x.OwnerId, x.Source, x.Outcome })
            .Select(g => new { g.Key.OwnerId, g.Key.Source, g.Key.Outcome, Deals = g.Count() })
            .ToListAsync(ct);
        var rows = groups
            .GroupBy(g => scope.Key(g.OwnerId, g.Source, null))
            .Select(g => new WinRateRow(g.Key.OwnerId, g.Key.Team, g.Key.Source,
                g.Where(x => x.Outcome == WonKey).Sum(x => x.Deals), g.Where(x => x.Outcome == LostKey).Sum(x => x.Deals)))
            .OrderBy(r => r.OwnerId, StringComparer.Ordinal).ThenBy(r => r.Team, StringComparer.Ordinal).ThenBy(r => r.Source)
            .ToList();
        return new WinRateReport(scope.AsOf, rows);
    }

    public async Task<LossReasonReport> LossReasonsAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        await using var scope = await OpenAsync(actor, filter, ct);
        var groups = await FinalClosesInPeriod(scope)
            .Where(x => x.Outcome == LostKey)
            .GroupBy(x => new { x.LossReason, x.Competitor, x.Currency })
            .Select(g => new { g.Key.LossReason, g.Key.Competitor, g.Key.Currency, Deals = g.Count(), Amount = g.Sum(x => x.Amount) })
            .ToListAsync(ct);
        var rows = groups
            .Select(g => new LossReasonRow(g.LossReason ?? "", g.Competitor, g.Currency, g.Deals, g.Amount ?? 0m))
            .OrderByDescending(r => r.Deals).ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ThenBy(r => r.Competitor, StringComparer.Ordinal).ThenBy(r => r.Currency, StringComparer.Ordinal)
            .ToList();
        return new LossReasonReport(scope.AsOf, rows);
    }

    /// <summary>A snapshot at the as-of time; the period does not apply.</summary>
    public async Task<AgingReport> AgingAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        await using var scope = await OpenAsync(actor, filter, ct);
        var asOf = scope.AsOf;
        var over7 = asOf.AddDays(-8);
        var over30 = asOf.AddDays(-31);
        var over90 = asOf.AddDays(-91);
        var groups = await AgingGroupsAsync(scope, over7, over30, over90, ct);
        var rows = groups
            .Select(g => (Key: scope.Key(g.OwnerId, g.Source, null), Stage: ParseStage(g.NewValue), g.Bucket, g.Deals))
            .GroupBy(g => (g.Key, g.Stage, g.Bucket))
            .OrderBy(g => g.Key.Key.OwnerId, StringComparer.Ordinal).ThenBy(g => g.Key.Key.Team, StringComparer.Ordinal).ThenBy(g => g.Key.Key.Source)
            .ThenBy(g => g.Key.Stage).ThenBy(g => g.Key.Bucket)
            .Select(g => new AgingRow(g.Key.Key.OwnerId, g.Key.Key.Team, g.Key.Key.Source, g.Key.Stage, AgingReport.Buckets[g.Key.Bucket], g.Sum(x => x.Deals)))
            .ToList();
        return new AgingReport(asOf, rows);
    }

    /// <summary>Current amounts, probabilities and close dates of open and won deals closing in the period; lost deals are left out.</summary>
    public async Task<ForecastReport> ForecastAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        await using var scope = await OpenAsync(actor, filter, ct);
        var groups = await ClosingBetween(scope, filter.From, filter.To)
            .GroupBy(o => new { o.CloseDate!.Value.Year, o.CloseDate.Value.Month, o.OwnerId, o.Source, o.Stage, o.Currency, o.Probability })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.OwnerId, g.Key.Source, g.Key.Stage, g.Key.Currency, g.Key.Probability, Deals = g.Count(), Amount = g.Sum(o => o.Amount) })
            .ToListAsync(ct);
        var rows = groups
            .GroupBy(g => (
                Month: $"{g.Year:D4}-{g.Month:D2}",
                Key: scope.Key(g.OwnerId, g.Source, null, ReportDimensions.Owner),
                Category: scope.Pipeline.For(g.Stage).ForecastCategory,
                g.Currency))
            .Select(g => new ForecastRow(g.Key.Month, g.Key.Key.OwnerId, g.Key.Key.Team, g.Key.Key.Source, g.Key.Category, g.Key.Currency,
                g.Sum(x => x.Deals), g.Sum(x => x.Amount ?? 0m), Math.Round(g.Sum(x => (x.Amount ?? 0m) * x.Probability / 100m), 2)))
            .OrderBy(r => r.Month, StringComparer.Ordinal).ThenBy(r => r.OwnerId, StringComparer.Ordinal).ThenBy(r => r.Team, StringComparer.Ordinal)
            .ThenBy(r => r.Source).ThenBy(r => r.Category).ThenBy(r => r.Currency, StringComparer.Ordinal)
            .ToList();
        return new ForecastReport(scope.AsOf, rows);
    }

    /// <summary>Quotas overlapping the period against the rep's won and open deals closing in each quota's own period.</summary>
    public async Task<CoverageReport> CoverageAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        await using var scope = await OpenAsync(actor, filter, ct);
        var owners = scope.Owners;
        var quotas = await scope.Db.Quotas.AsNoTracking()
            .Where(q => owners.Contains(q.OwnerId) && q.PeriodStart <= filter.To && q.PeriodEnd >= filter.From)
            .ToListAsync(ct);
        var from = quotas.Select(q => q.PeriodStart).Append(filter.From).Min();
        var to = quotas.Select(q => q.PeriodEnd).Append(filter.To).Max();
        var deals = await ClosingBetween(scope, from, to)
            .GroupBy(o => new { o.OwnerId, o.Currency, o.CloseDate, Won = o.Stage == Stage.Won, o.Probability })
            .Select(g => new { g.Key.OwnerId, g.Key.Currency, CloseDate = g.Key.CloseDate!.Value, g.Key.Won, g.Key.Probability, Deals = g.Count(), Amount = g.Sum(o => o.Amount) })
            .ToListAsync(ct);

        CoverageRow Row(string owner, DateOnly start, DateOnly end, string currency, decimal? quota)
        {
            var inPeriod = deals.Where(d => d.OwnerId == owner && d.Currency == currency && d.CloseDate >= start && d.CloseDate <= end).ToList();
            var open = inPeriod.Where(d => !d.Won).ToList();
            return new CoverageRow(owner, scope.TeamOf(owner), start, end, currency, quota,
                inPeriod.Where(d => d.Won).Sum(d => d.Amount ?? 0m),
                open.Sum(d => d.Amount ?? 0m),
                Math.Round(open.Sum(d => (d.Amount ?? 0m) * d.Probability / 100m), 2),
                open.Sum(d => d.Deals));
        }

        var rows = quotas.Select(q => Row(q.OwnerId, q.PeriodStart, q.PeriodEnd, q.Currency, q.Amount)).ToList();
        var withQuota = quotas.Select(q => q.OwnerId).ToHashSet();
        rows.AddRange(deals
            .Where(d => !withQuota.Contains(d.OwnerId) && filter.Contains(d.CloseDate))
            .Select(d => (d.OwnerId, d.Currency)).Distinct()
            .Select(k => Row(k.OwnerId, filter.From, filter.To, k.Currency, null)));
        return new CoverageReport(scope.AsOf, rows
            .OrderBy(r => r.OwnerId, StringComparer.Ordinal).ThenBy(r => r.PeriodStart).ThenBy(r => r.Currency, StringComparer.Ordinal)
            .ToList());
    }

    private async Task<Scope> OpenAsync(Actor actor, ReportFilter filter, CancellationToken ct)
    {
        if (filter.To < filter.From) throw new Domain.Common.DomainException(new Domain.Common.DomainError("invalid_period"));
        var db = database.Open(actor.TenantId);
        try
        {
            var visible = await DealAccess.VisibleOwnersAsync(db, actor.UserObjectId, ct);
            var teams = await db.Users.AsNoTracking().Select(u => new { u.ObjectId, u.Team }).ToDictionaryAsync(u => u.ObjectId, u => u.Team, ct);
            var owners = visible
                .Where(o => filter.OwnerIds is null || filter.OwnerIds.Contains(o))
                .Where(o => filter.Team is null || (teams.TryGetValue(o, out var team) && team == filter.Team))
                .Order(StringComparer.Ordinal)
                .ToList();
            var pipeline = await OpportunityService.PipelineAsync(db, ct);
            return new Scope(db, filter, owners, teams, pipeline, filter.AsOf ?? clock.GetUtcNow());
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    private static IQueryable<OpportunityChange> StageRows(Scope scope)
    {
        var asOf = scope.AsOf;
        return scope.Db.OpportunityChanges.AsNoTracking().Where(c => c.Field == ChangedField.Stage && c.ChangedAt <= asOf);
    }

    /// <summary>The deals' closing stage rows in the period that no later stage row (up to the as-of time) undid.</summary>
    private static IQueryable<FinalClose> FinalClosesInPeriod(Scope scope)
    {
        var start = scope.Filter.Start;
        var end = scope.Filter.End;
        var stageRows = StageRows(scope);
        return from c in stageRows
               where (c.NewValue == WonKey || c.NewValue == LostKey) && c.ChangedAt >= start && c.ChangedAt < end
                     && !stageRows.Any(l => l.OpportunityId == c.OpportunityId && (l.ChangedAt > c.ChangedAt || (l.ChangedAt == c.ChangedAt && l.Id > c.Id)))
               join o in scope.Deals on c.OpportunityId equals o.Id
               select new FinalClose
               {
                   OwnerId = o.OwnerId, Source = o.Source, Outcome = c.NewValue!, LossReason = o.LossReason,
                   Competitor = o.Competitor, Currency = o.Currency, Amount = o.Amount,
               };
    }

    private sealed class FinalClose
    {
        public required string OwnerId { get; init; }
        public required CaptureSource Source { get; init; }
        public required string Outcome { get; init; }
        public string? LossReason { get; init; }
        public string? Competitor { get; init; }
        public required string Currency { get; init; }
        public decimal? Amount { get; init; }
    }

    private sealed class AgingGroup
    {
        public required string OwnerId { get; init; }
        public required string Source { get; init; }
        public string? NewValue { get; init; }
        public int Bucket { get; init; }
        public int Deals { get; init; }
    }

    /// <summary>
    /// Every visible deal's last stage row up to the as-of time, if open, counted by owner, source, stage and age bucket.
    /// Raw SQL because "the last row per deal" is one ordered pass with LEAD over the (Field, OpportunityId, ChangedAt, Id)
    /// index on both providers, where the LINQ form (NOT EXISTS a later row) probed the index once per stage row.
    /// Query filters do not apply to raw SQL: the tenant is filtered explicitly.
    /// </summary>
    private static async Task<List<(string OwnerId, CaptureSource Source, string? NewValue, int Bucket, int Deals)>> AgingGroupsAsync(
        Scope scope, DateTimeOffset over7, DateTimeOffset over30, DateTimeOffset over90, CancellationToken ct)
    {
        if (scope.Owners.Count == 0) return [];
        var sqlite = scope.Db.Database.IsSqlite();
        object Time(DateTimeOffset at) => sqlite ? BinaryTime.ConvertToProvider(at)! : at.ToUniversalTime();
        var parameters = new List<object> { scope.Db.TenantId!, Time(over7), Time(over30), Time(over90), Time(scope.AsOf) };
        var owners = string.Join(", ", scope.Owners.Select(o => { parameters.Add(o); return $"{{{parameters.Count - 1}}}"; }));
        var source = "";
        if (scope.Filter.Source is { } s)
        {
            parameters.Add(s.ToString());
            source = $" AND o.\"Source\" = {{{parameters.Count - 1}}}";
        }
        var sql = $$"""
            SELECT o."OwnerId" AS "OwnerId", o."Source" AS "Source", l."NewValue" AS "NewValue",
                   CASE WHEN l."ChangedAt" > {1} THEN 0 WHEN l."ChangedAt" > {2} THEN 1 WHEN l."ChangedAt" > {3} THEN 2 ELSE 3 END AS "Bucket",
                   CAST(COUNT(*) AS INTEGER) AS "Deals"
            FROM (
                SELECT c."OpportunityId", c."NewValue", c."ChangedAt",
                       LEAD(c."Id") OVER (PARTITION BY c."OpportunityId" ORDER BY c."ChangedAt", c."Id") AS "NextId"
                FROM "OpportunityChanges" c
                WHERE c."TenantId" = {0} AND c."Field" = 'Stage' AND c."ChangedAt" <= {4}
            ) l
            JOIN "Opportunities" o ON o."Id" = l."OpportunityId"
            WHERE l."NextId" IS NULL AND (l."NewValue" IS NULL OR l."NewValue" NOT IN ('{{WonKey}}', '{{LostKey}}'))
              AND o."TenantId" = {0} AND o."OwnerId" IN ({{owners}}){{source}}
            GROUP BY o."OwnerId", o."Source", l."NewValue", "Bucket"
            """;
        var rows = await scope.Db.Database.SqlQueryRaw<AgingGroup>(sql, parameters.ToArray()).ToListAsync(ct);
        return rows.Select(r => (r.OwnerId, Enum.Parse<CaptureSource>(r.Source), r.NewValue, r.Bucket, r.Deals)).ToList();
    }

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter BinaryTime = new();

    private static IQueryable<Opportunity> ClosingBetween(Scope scope, DateOnly from, DateOnly to) =>
        scope.Deals.Where(o => o.Stage != Stage.Lost && o.CloseDate != null && o.CloseDate >= from && o.CloseDate <= to);

    /// <summary>Each deal with a stage row in the period, with all its stage rows up to the as-of time, in order.</summary>
    private static async IAsyncEnumerable<StageLife> StageLivesAsync(Scope scope, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var start = scope.Filter.Start;
        var end = scope.Filter.End;
        var stageRows = StageRows(scope);
        // The deals with a stage row in the period come from the (Field, ChangedAt) index range; a correlated EXISTS
        // per stage row made both providers walk every stage row of the tenant.
        var inPeriod = stageRows.Where(p => p.ChangedAt >= start && p.ChangedAt < end).Select(p => p.OpportunityId);
        var rows = from c in stageRows
                   where inPeriod.Contains(c.OpportunityId)
                   join o in scope.Deals on c.OpportunityId equals o.Id
                   orderby c.OpportunityId, c.ChangedAt, c.Id
                   select new { c.OpportunityId, o.OwnerId, o.Source, c.NewValue, c.ChangedAt };
        StageLife? life = null;
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (life is not null && life.OpportunityId != row.OpportunityId)
            {
                yield return life;
                life = null;
            }
            life ??= new StageLife(row.OpportunityId, row.OwnerId, row.Source, []);
            if (StageFacts.TryParseKey(row.NewValue, out var stage)) life.Stints.Add(new Stint(stage, row.ChangedAt));
        }
        if (life is not null) yield return life;
    }

    private sealed record StageLife(Guid OpportunityId, string OwnerId, CaptureSource Source, List<Stint> Stints);

    private readonly record struct Stint(Stage Stage, DateTimeOffset EnteredAt);

    /// <summary>Order along the path to Won; Lost is off the path.</summary>
    private static int Rank(Stage stage) => stage == Stage.Lost ? -1 : (int)stage;

    private static Stage ParseStage(string? key) => StageFacts.TryParseKey(key, out var stage) ? stage : Stage.New;

    private static int MeasureOrder(string measure) =>
        measure == CycleReport.CaptureToWon ? -1 : StageFacts.TryParseKey(measure, out var stage) ? (int)stage : 99;

    private static int[] Tally<TKey>(Dictionary<TKey, int[]> tally, TKey key, int width) where TKey : notnull =>
        tally.TryGetValue(key, out var counts) ? counts : tally[key] = new int[width];

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private readonly record struct GroupKey(string? Month, string? OwnerId, string? Team, CaptureSource? Source);

    private sealed class Scope(CrmDbContext db, ReportFilter filter, List<string> owners, Dictionary<string, string?> teams, PipelineSettings pipeline, DateTimeOffset asOf)
        : IAsyncDisposable
    {
        public CrmDbContext Db { get; } = db;
        public ReportFilter Filter { get; } = filter;
        public List<string> Owners { get; } = owners;
        public PipelineSettings Pipeline { get; } = pipeline;
        public DateTimeOffset AsOf { get; } = asOf;

        public IQueryable<Opportunity> Deals
        {
            get
            {
                var owners = Owners;
                var deals = Db.Opportunities.AsNoTracking().Where(o => owners.Contains(o.OwnerId));
                if (Filter.Source is { } source) deals = deals.Where(o => o.Source == source);
                return deals;
            }
        }

        public string? TeamOf(string ownerId) => teams.TryGetValue(ownerId, out var team) ? team : null;

        public GroupKey Key(string ownerId, CaptureSource source, DateTimeOffset? at, ReportDimensions always = ReportDimensions.None)
        {
            var by = Filter.GroupBy | always;
            return new GroupKey(
                by.HasFlag(ReportDimensions.Month) && at is { } t ? t.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : null,
                by.HasFlag(ReportDimensions.Owner) ? ownerId : null,
                by.HasFlag(ReportDimensions.Team) ? TeamOf(ownerId) : null,
                by.HasFlag(ReportDimensions.Source) ? source : null);
        }

        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }
}
