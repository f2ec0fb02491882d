using System.Diagnostics;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Quotas;
using Collaboration.Domain.Tenants;
using Collaboration.Domain.Users;
using Collaboration.Infrastructure.Persistence;
using Collaboration.Infrastructure.Persistence.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace Collaboration.Benchmarks.Load;

/// <summary>
/// The reports benchmark's tenant: 1M deals with 10 history rows each (10M OpportunityChanges) over three years up to
/// <see cref="End"/>. Every deal lives a seeded random life: stage paths with skips, step-backs and reopens, wins,
/// losses with reasons and competitors, amount/close-date/probability edits and a few owner changes; 60 reps in 6
/// teams under one VP. The schema is the product's (EF migrations); the tenant, users, quotas and one template deal
/// go through EF, the bulk is raw SQL (SQLite: prepared inserts in one transaction; PostgreSQL: binary COPY) with the
/// secondary indexes dropped during the load and rebuilt after it. Reused when the database already has this shape.
/// </summary>
public static class ReportsData
{
    public const string TenantId = "reports-tenant";
    public const string Vp = "vp";
    public const int Deals = 1_000_000;
    public const int RowsPerDeal = 10;
    public const int Reps = 60;
    public const int RepsPerTeam = 10;
    private const string Shape = "reports-v1;deals=1000000;changes=10000000";

    /// <summary>The data's "now": no history after it; reports run as of this instant.</summary>
    public static readonly DateTimeOffset End = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Start = End.AddYears(-3);

    private static readonly string[] LossReasons = ["price", "timing", "competitor", "no-decision", "features", "budget"];
    private static readonly string[] Competitors = ["Salesforce", "HubSpot", "Zoho", "Pipedrive", "Dynamics"];
    private static readonly (CaptureSource Source, int Weight)[] Sources =
    [
        (CaptureSource.Email, 35), (CaptureSource.Manual, 20), (CaptureSource.WebForm, 15), (CaptureSource.Import, 10),
        (CaptureSource.Event, 8), (CaptureSource.Referral, 7), (CaptureSource.Prospecting, 5),
    ];
    private static readonly DateTimeOffsetToBinaryConverter Binary = new();

    public static string Rep(int i) => $"rep-{i:D2}";
    public static string Team(int rep) => $"team-{rep / RepsPerTeam}";

    private static long SqliteTime(DateTimeOffset at) => (long)Binary.ConvertToProvider(at)!;

    public sealed record Change(ChangedField Field, string? Old, string? New, string By, DateTimeOffset At);

    public sealed class Deal
    {
        public Guid Id;
        public string Owner = "";
        public CaptureSource Source;
        public decimal Amount;
        public string Currency = "USD";
        public Stage Stage;
        public DateTimeOffset StageEnteredAt;
        public DateOnly CloseDate;
        public string? LossReason;
        public string? Competitor;
        public DateTimeOffset CreatedAt;
        public DateTimeOffset UpdatedAt;
        public DateTimeOffset? ClosedAt;
        public int Probability;
        public readonly List<Change> Changes = new(RowsPerDeal);
    }

    /// <summary>Deal <paramref name="index"/>'s life; the same for both providers (seeded by the index).</summary>
    public static Deal Life(int index, Deal deal)
    {
        var random = new Random(index * 7919 + 17);
        deal.Changes.Clear();
        var idBytes = new byte[16];
        random.NextBytes(idBytes);
        deal.Id = new Guid(idBytes);
        var rep = random.Next(Reps);
        deal.Owner = Rep(rep);
        var pick = random.Next(100);
        deal.Source = Sources.First(s => (pick -= s.Weight) < 0).Source;
        deal.Amount = random.Next(10, 2000) * 100m;
        deal.Currency = random.Next(10) == 0 ? "EUR" : "USD";
        var span = (End - Start).TotalDays;
        var at = Start.AddDays(random.NextDouble() * span).AddSeconds(random.Next(86_400));
        deal.CreatedAt = at;
        deal.LossReason = null;
        deal.Competitor = null;
        deal.ClosedAt = null;

        var stageBudget = RowsPerDeal - 2; // leave room for at least two field edits
        var stage = Stage.New;
        deal.Changes.Add(new Change(ChangedField.Stage, null, stage.Key(), deal.Owner, at));
        var entered = at;
        var reopened = false;
        while (deal.Changes.Count < stageBudget)
        {
            var next = at.AddDays(-Math.Log(1 - random.NextDouble()) * 14).AddMinutes(random.Next(1, 600));
            if (next >= End) break;
            Stage target;
            if (stage == Stage.Won || stage == Stage.Lost)
            {
                if (reopened || random.Next(100) >= 4) break;
                reopened = true;
                target = Stage.Negotiation;
            }
            else if (random.Next(100) < 10) target = Stage.Lost;
            else if (stage == Stage.Contract) target = random.Next(100) < 85 ? Stage.Won : Stage.Negotiation;
            else if (random.Next(100) < 5 && stage > Stage.Qualify) target = stage - 1 == Stage.Nurture ? Stage.Qualify : stage - 1;
            else
            {
                target = stage + 1;
                if (target == Stage.Nurture && random.Next(100) < 80) target = Stage.Proposal;
                while (target < Stage.Contract && random.Next(100) < 15) target += 1;
            }
            deal.Changes.Add(new Change(ChangedField.Stage, stage.Key(), target.Key(), deal.Owner, next));
            stage = target;
            entered = at = next;
            if (stage == Stage.Lost)
            {
                deal.LossReason = LossReasons[random.Next(LossReasons.Length)];
                deal.Competitor = random.Next(100) < 40 ? Competitors[random.Next(Competitors.Length)] : null;
            }
        }
        deal.Stage = stage;
        deal.StageEnteredAt = entered;
        deal.ClosedAt = stage is Stage.Won or Stage.Lost ? entered : null;
        if (stage != Stage.Lost) { deal.LossReason = null; deal.Competitor = null; }
        deal.Probability = PipelineSettings.Default.For(stage).Probability;
        deal.CloseDate = DateOnly.FromDateTime((deal.ClosedAt ?? entered.AddDays(random.Next(20, 150))).UtcDateTime);

        // The other fields' edits, at random times over the deal's life so far.
        var last = deal.ClosedAt ?? (at.AddDays(30) < End ? at.AddDays(30) : End.AddSeconds(-1));
        var life = Math.Max(1, (last - deal.CreatedAt).TotalSeconds);
        var ownerChanged = random.Next(100) < 5;
        while (deal.Changes.Count < RowsPerDeal)
        {
            var when = deal.CreatedAt.AddSeconds(random.NextDouble() * life);
            var kind = ownerChanged ? 3 : random.Next(3);
            ownerChanged = false;
            deal.Changes.Add(kind switch
            {
                0 => new Change(ChangedField.Amount, (deal.Amount - 500).ToString(System.Globalization.CultureInfo.InvariantCulture), deal.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), deal.Owner, when),
                1 => new Change(ChangedField.CloseDate, deal.CloseDate.AddDays(-14).ToString("O"), deal.CloseDate.ToString("O"), deal.Owner, when),
                2 => new Change(ChangedField.Probability, "10", deal.Probability.ToString(System.Globalization.CultureInfo.InvariantCulture), deal.Owner, when),
                _ => new Change(ChangedField.Owner, Rep((rep + 1) % Reps), deal.Owner, Vp, when),
            });
        }
        deal.Changes.Sort((a, b) => a.At.CompareTo(b.At));
        deal.UpdatedAt = deal.Changes[^1].At;
        return deal;
    }

    public static async Task EnsureAsync(CrmDatabase database, TextWriter log)
    {
        if (await HasShapeAsync(database))
        {
            // The product's later migrations (say, new report indexes) apply to the cached data as they would in production.
            await using (var db = database.Open((string?)null))
            {
                var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
                if (pending.Count > 0)
                {
                    var migrating = Stopwatch.StartNew();
                    await database.MigrateAsync();
                    await db.Database.ExecuteSqlRawAsync("ANALYZE");
                    log.WriteLine($"Reports data set ({database.Provider}): applied {string.Join(", ", pending)} in {migrating.Elapsed.TotalSeconds:F0} s");
                }
            }
            log.WriteLine($"Reports data set ({database.Provider}): reusing");
            return;
        }
        var watch = Stopwatch.StartNew();
        log.WriteLine($"Reports data set ({database.Provider}): generating {Deals:N0} deals, {Deals * RowsPerDeal:N0} history rows…");
        await database.MigrateAsync();
        await WriteTemplatesAsync(database);
        if (database.Provider == DatabaseProvider.Sqlite) await SqliteBulkAsync(database.ConnectionString, log);
        else await PostgresBulkAsync(database.ConnectionString, log);
        log.WriteLine($"Reports data set ({database.Provider}): written in {watch.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task<bool> HasShapeAsync(CrmDatabase database)
    {
        try
        {
            await using var db = database.Open((string?)null);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Value\" FROM \"BenchShape\"";
            return (await command.ExecuteScalarAsync()) as string == Shape;
        }
        catch (Exception e) when (e is SqliteException or PostgresException)
        {
            return false;
        }
    }

    private static async Task WriteTemplatesAsync(CrmDatabase database)
    {
        await using var db = database.Open(TenantId);
        db.Tenants.Add(new Tenant(TenantId, "Reports benchmark tenant"));
        var vp = new User(TenantId, Vp, "VP Sales", "vp@seller.example");
        vp.PlaceInTeam("leadership", null);
        db.Users.Add(vp);
        for (var r = 0; r < Reps; r++)
        {
            var user = new User(TenantId, Rep(r), $"Rep {r}", $"{Rep(r)}@seller.example");
            var lead = r / RepsPerTeam * RepsPerTeam;
            user.PlaceInTeam(Team(r), r == lead ? Vp : Rep(lead));
            db.Users.Add(user);
            for (var q = new DateOnly(Start.Year, 1, 1); q < DateOnly.FromDateTime(End.UtcDateTime.AddYears(1)); q = q.AddMonths(3))
            {
                db.Quotas.Add(new Quota(TenantId, Rep(r), q, q.AddMonths(3).AddDays(-1), 400_000m + r * 5_000m, "USD"));
            }
        }
        var deal = Opportunity.Capture(TenantId, "Template deal", Rep(0), PipelineSettings.Default,
            new ChangeContext(Rep(0), ChangeSurface.Outlook, Start), CaptureSource.Email, "Outlook", null, null, 50_000m, "USD");
        db.Opportunities.Add(deal);
        await db.SaveChangesAsync();
    }

    private static readonly string[] DealColumns =
        ["Id", "Name", "OwnerId", "Amount", "Currency", "CloseDate", "Stage", "StageEnteredAt", "Probability", "Source",
         "CreatedAt", "UpdatedAt", "ClosedAt", "LossReason", "Competitor"];

    private static async Task SqliteBulkAsync(string connectionString, TextWriter log)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        Exec(connection, null, "PRAGMA synchronous=OFF; PRAGMA cache_size=-400000; PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY;");
        var indexes = new List<(string Name, string Sql)>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('Opportunities', 'OpportunityChanges', 'StageStints')";
            using var reader = list.ExecuteReader();
            while (reader.Read()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        foreach (var (name, _) in indexes) Exec(connection, transaction, $"DROP INDEX \"{name}\"");
        Exec(connection, transaction, "DELETE FROM \"OpportunityChanges\"");

        using var deals = connection.CreateCommand();
        deals.Transaction = transaction;
        var columns = new List<string>();
        using (var info = connection.CreateCommand())
        {
            info.Transaction = transaction;
            info.CommandText = "PRAGMA table_info(\"Opportunities\")";
            using var reader = info.ExecuteReader();
            while (reader.Read()) columns.Add(reader.GetString(1));
        }
        long template;
        using (var find = connection.CreateCommand())
        {
            find.Transaction = transaction;
            find.CommandText = "SELECT rowid FROM \"Opportunities\" WHERE \"Name\" = 'Template deal'";
            template = (long)find.ExecuteScalar()!;
        }
        // By rowid: a lookup, not a scan of the growing table per insert.
        deals.CommandText = $"INSERT INTO \"Opportunities\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT " +
            string.Join(", ", columns.Select(c => DealColumns.Contains(c) ? "$" + c : $"\"{c}\"")) + $" FROM \"Opportunities\" WHERE rowid = {template}";
        foreach (var c in DealColumns) deals.Parameters.Add(new SqliteParameter("$" + c, null));
        deals.Prepare();

        using var changes = connection.CreateCommand();
        changes.Transaction = transaction;
        changes.CommandText = "INSERT INTO \"OpportunityChanges\" (\"TenantId\", \"OpportunityId\", \"Field\", \"OldValue\", \"NewValue\", \"ChangedBy\", \"ChangedAt\", \"Surface\") " +
            "VALUES ($t, $o, $f, $old, $new, $by, $at, 'Teams')";
        var p = new[] { "$t", "$o", "$f", "$old", "$new", "$by", "$at" }.Select(n => changes.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        p[0].Value = TenantId;
        changes.Prepare();

        var deal = new Deal();
        var fieldNames = Enum.GetValues<ChangedField>().ToDictionary(f => f, f => f.ToString());
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Deals; i++)
        {
            Life(i, deal);
            var id = deal.Id.ToString().ToUpperInvariant();
            object?[] values =
            [
                id, $"Deal {i:D7}", deal.Owner, (double)deal.Amount, deal.Currency, deal.CloseDate.ToString("yyyy-MM-dd"), deal.Stage.ToString(),
                SqliteTime(deal.StageEnteredAt), deal.Probability, deal.Source.ToString(), SqliteTime(deal.CreatedAt), SqliteTime(deal.UpdatedAt),
                deal.ClosedAt is { } c ? SqliteTime(c) : null, deal.LossReason, deal.Competitor,
            ];
            for (var k = 0; k < values.Length; k++) deals.Parameters[k].Value = values[k] ?? DBNull.Value;
            deals.ExecuteNonQuery();
            p[1].Value = id;
            foreach (var change in deal.Changes)
            {
                p[2].Value = fieldNames[change.Field];
                p[3].Value = (object?)change.Old ?? DBNull.Value;
                p[4].Value = (object?)change.New ?? DBNull.Value;
                p[5].Value = change.By;
                p[6].Value = SqliteTime(change.At);
                changes.ExecuteNonQuery();
            }
            if (i % 200_000 == 199_999) log.WriteLine($"  {i + 1:N0} deals, {watch.Elapsed.TotalSeconds:F0} s");
        }
        Exec(connection, transaction, $"DELETE FROM \"Opportunities\" WHERE rowid = {template}");
        var indexWatch = Stopwatch.StartNew();
        // The stints as the product's migration fills them from an existing history.
        Exec(connection, transaction, "DELETE FROM \"StageStints\"");
        Exec(connection, transaction, StageStintBackfill.Sql(sqlite: true));
        log.WriteLine($"  stage stints from the history in {indexWatch.Elapsed.TotalSeconds:F0} s");
        foreach (var (_, sql) in indexes) Exec(connection, transaction, sql);
        Exec(connection, transaction, $"CREATE TABLE IF NOT EXISTS \"BenchShape\" (\"Value\" TEXT NOT NULL); DELETE FROM \"BenchShape\"; INSERT INTO \"BenchShape\" VALUES ('{Shape}');");
        await transaction.CommitAsync();
        log.WriteLine($"  rows in {watch.Elapsed.TotalSeconds - indexWatch.Elapsed.TotalSeconds:F0} s, indexes in {indexWatch.Elapsed.TotalSeconds:F0} s");
        Exec(connection, null, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
    }

    private static async Task PostgresBulkAsync(string connectionString, TextWriter log)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var indexes = new List<(string Name, string Sql)>();
        await using (var list = new NpgsqlCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('Opportunities', 'OpportunityChanges', 'StageStints') AND indexname NOT LIKE 'PK_%'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        var fk = (string)(await new NpgsqlCommand(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'FK_OpportunityChanges_Opportunities_OpportunityId'", connection).ExecuteScalarAsync())!;
        await PgExec(connection, "ALTER TABLE \"OpportunityChanges\" DROP CONSTRAINT \"FK_OpportunityChanges_Opportunities_OpportunityId\"");
        foreach (var (name, _) in indexes) await PgExec(connection, $"DROP INDEX \"{name}\"");
        await PgExec(connection, "DELETE FROM \"OpportunityChanges\"");
        await PgExec(connection, "CREATE TEMP TABLE bench_deals (\"Id\" uuid, \"Name\" text, \"OwnerId\" text, \"Amount\" numeric, \"Currency\" text, \"CloseDate\" date, " +
            "\"Stage\" text, \"StageEnteredAt\" timestamptz, \"Probability\" int, \"Source\" text, \"CreatedAt\" timestamptz, \"UpdatedAt\" timestamptz, " +
            "\"ClosedAt\" timestamptz, \"LossReason\" text, \"Competitor\" text)");

        var watch = Stopwatch.StartNew();
        await using (var connection2 = new NpgsqlConnection(connectionString))
        {
            await connection2.OpenAsync();
            // Two COPY streams at once need two connections; the deals go to the temp table on the first afterwards.
            await using var changes = await connection2.BeginBinaryImportAsync(
                "COPY \"OpportunityChanges\" (\"TenantId\", \"OpportunityId\", \"Field\", \"OldValue\", \"NewValue\", \"ChangedBy\", \"ChangedAt\", \"Surface\") FROM STDIN (FORMAT BINARY)");
            await using var dealCopy = await connection.BeginBinaryImportAsync(
                $"COPY bench_deals ({string.Join(", ", DealColumns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
            var deal = new Deal();
            for (var i = 0; i < Deals; i++)
            {
                Life(i, deal);
                await dealCopy.StartRowAsync();
                await dealCopy.WriteAsync(deal.Id, NpgsqlDbType.Uuid);
                await dealCopy.WriteAsync($"Deal {i:D7}", NpgsqlDbType.Text);
                await dealCopy.WriteAsync(deal.Owner, NpgsqlDbType.Text);
                await dealCopy.WriteAsync(deal.Amount, NpgsqlDbType.Numeric);
                await dealCopy.WriteAsync(deal.Currency, NpgsqlDbType.Text);
                await dealCopy.WriteAsync(deal.CloseDate, NpgsqlDbType.Date);
                await dealCopy.WriteAsync(deal.Stage.ToString(), NpgsqlDbType.Text);
                await dealCopy.WriteAsync(deal.StageEnteredAt, NpgsqlDbType.TimestampTz);
                await dealCopy.WriteAsync(deal.Probability, NpgsqlDbType.Integer);
                await dealCopy.WriteAsync(deal.Source.ToString(), NpgsqlDbType.Text);
                await dealCopy.WriteAsync(deal.CreatedAt, NpgsqlDbType.TimestampTz);
                await dealCopy.WriteAsync(deal.UpdatedAt, NpgsqlDbType.TimestampTz);
                if (deal.ClosedAt is { } closed) await dealCopy.WriteAsync(closed, NpgsqlDbType.TimestampTz); else await dealCopy.WriteNullAsync();
                if (deal.LossReason is { } reason) await dealCopy.WriteAsync(reason, NpgsqlDbType.Text); else await dealCopy.WriteNullAsync();
                if (deal.Competitor is { } competitor) await dealCopy.WriteAsync(competitor, NpgsqlDbType.Text); else await dealCopy.WriteNullAsync();
                foreach (var change in deal.Changes)
                {
                    await changes.StartRowAsync();
                    await changes.WriteAsync(TenantId, NpgsqlDbType.Varchar);
                    await changes.WriteAsync(deal.Id, NpgsqlDbType.Uuid);
                    await changes.WriteAsync(change.Field.ToString(), NpgsqlDbType.Varchar);
                    if (change.Old is { } old) await changes.WriteAsync(old, NpgsqlDbType.Varchar); else await changes.WriteNullAsync();
                    if (change.New is { } @new) await changes.WriteAsync(@new, NpgsqlDbType.Varchar); else await changes.WriteNullAsync();
                    await changes.WriteAsync(change.By, NpgsqlDbType.Varchar);
                    await changes.WriteAsync(change.At, NpgsqlDbType.TimestampTz);
                    await changes.WriteAsync("Teams", NpgsqlDbType.Varchar);
                }
                if (i % 200_000 == 199_999) log.WriteLine($"  {i + 1:N0} deals, {watch.Elapsed.TotalSeconds:F0} s");
            }
            await changes.CompleteAsync();
            await dealCopy.CompleteAsync();
        }
        var columns = new List<string>();
        await using (var info = new NpgsqlCommand("SELECT column_name FROM information_schema.columns WHERE table_name = 'Opportunities' ORDER BY ordinal_position", connection))
        await using (var reader = await info.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        }
        await PgExec(connection, $"INSERT INTO \"Opportunities\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT " +
            string.Join(", ", columns.Select(c => DealColumns.Contains(c) ? $"s.\"{c}\"" : $"t.\"{c}\"")) +
            " FROM bench_deals s CROSS JOIN (SELECT * FROM \"Opportunities\" WHERE \"Name\" = 'Template deal') t");
        await PgExec(connection, "DELETE FROM \"Opportunities\" WHERE \"Name\" = 'Template deal'");
        log.WriteLine($"  rows in {watch.Elapsed.TotalSeconds:F0} s");
        var indexWatch = Stopwatch.StartNew();
        await PgExec(connection, "DELETE FROM \"StageStints\"");
        await PgExec(connection, StageStintBackfill.Sql(sqlite: false));
        log.WriteLine($"  stage stints from the history in {indexWatch.Elapsed.TotalSeconds:F0} s");
        await PgExec(connection, "SET maintenance_work_mem = '512MB'");
        foreach (var (_, sql) in indexes) await PgExec(connection, sql);
        await PgExec(connection, $"ALTER TABLE \"OpportunityChanges\" ADD CONSTRAINT \"FK_OpportunityChanges_Opportunities_OpportunityId\" {fk}");
        await PgExec(connection, $"CREATE TABLE IF NOT EXISTS \"BenchShape\" (\"Value\" text NOT NULL); DELETE FROM \"BenchShape\"; INSERT INTO \"BenchShape\" VALUES ('{Shape}')");
        await PgExec(connection, "VACUUM ANALYZE \"Opportunities\"");
        await PgExec(connection, "VACUUM ANALYZE \"OpportunityChanges\"");
        await PgExec(connection, "VACUUM ANALYZE \"StageStints\"");
        log.WriteLine($"  indexes, constraint and vacuum in {indexWatch.Elapsed.TotalSeconds:F0} s");
    }

    private static void Exec(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    private static async Task PgExec(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
