using System.Diagnostics;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Accounts;
using Collaboration.Domain.Common;
using Collaboration.Domain.Contacts;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Tenants;
using Collaboration.Domain.Users;
using Collaboration.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace Collaboration.Benchmarks.Load;

/// <summary>
/// The add-in benchmark's SQLite data set: 20k accounts (one domain and one open deal each), 100k contacts (5 per
/// account) and 1M interactions (10 per contact, half on the account's deal, email-like ids). Row 0 of each table is
/// written through the real entities and EF (so JSON columns and conversions are the product's own); the rest are
/// raw-SQL clones of it with new ids and keys, in one transaction. Reused when the file already has this shape.
/// </summary>
public static class AddinData
{
    public const string TenantId = "bench-tenant";
    public const int Accounts = 20_000;
    public const int ContactsPerAccount = 5;
    public const int Contacts = Accounts * ContactsPerAccount;
    public const int InteractionsPerContact = 10;
    public const int Interactions = Contacts * InteractionsPerContact;
    public const int Reps = 50;
    private const string Shape = "v1;accounts=20000;contacts=100000;interactions=1000000";

    public static string Rep(int i) => $"rep-{i % Reps:D2}";
    public static string ContactEmail(int contact) => $"c{contact}@acct{contact / ContactsPerAccount:D5}.example";
    public static string MessageId(long interaction) => $"<m{interaction}@bench.example>";
    public static string ConversationId(long interaction) => $"conv-{interaction / 4}";

    public static async Task<string> EnsureAsync(string file, TextWriter log)
    {
        if (File.Exists(file) && await HasShapeAsync(file))
        {
            log.WriteLine($"Add-in data set: reusing {file}");
            return file;
        }
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var watch = Stopwatch.StartNew();
        log.WriteLine($"Add-in data set: generating {file} ({Accounts:N0} accounts, {Contacts:N0} contacts, {Interactions:N0} interactions)…");
        var database = new CrmDatabase(new DatabaseOptions { Provider = DatabaseProvider.Sqlite }, $"Data Source={file}");
        await database.MigrateAsync();
        await WriteTemplatesAsync(database);
        SqliteConnection.ClearAllPools();
        await CloneAsync(file);
        log.WriteLine($"Add-in data set: written in {watch.Elapsed.TotalSeconds:F0} s, {new FileInfo(file).Length / 1024 / 1024} MiB");
        return file;
    }

    private static async Task<bool> HasShapeAsync(string file)
    {
        try
        {
            await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=false");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Value FROM BenchShape";
            return (await command.ExecuteScalarAsync()) as string == Shape;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private static async Task WriteTemplatesAsync(CrmDatabase database)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = database.Open(TenantId);
        db.Tenants.Add(new Tenant(TenantId, "Benchmark tenant"));
        for (var r = 0; r < Reps; r++)
        {
            var user = new User(TenantId, Rep(r), $"Rep {r}", $"{Rep(r)}@seller.example");
            user.PlaceInTeam($"team-{r / 10}", r % 10 == 0 ? null : Rep(r / 10 * 10));
            db.Users.Add(user);
        }
        var account = new Account(TenantId, "Account 00000", "acct00000.example");
        db.Accounts.Add(account);
        var contact = new Contact(TenantId, ContactEmail(0), "Contact 0", account.Id);
        db.Contacts.Add(contact);
        var deal = Opportunity.Capture(TenantId, "Account 00000 – renewal", Rep(0), PipelineSettings.Default,
            new ChangeContext(Rep(0), ChangeSurface.Outlook, now), CaptureSource.Email, "Outlook", account.Id, contact.Id, 50_000m, "USD");
        db.Opportunities.Add(deal);
        db.Interactions.Add(new Interaction(TenantId, deal.Id, contact.Id, InteractionKind.Email, Direction.Inbound, now,
            "Pricing for 50 seats", Rep(0), ChangeSurface.Outlook, MessageId(0), ConversationId(0), null, "Pricing for 50 seats"));
        await db.SaveChangesAsync();
    }

    private static async Task CloneAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=false");
        await connection.OpenAsync();
        await Exec(connection, "PRAGMA synchronous=OFF; PRAGMA cache_size=-200000; PRAGMA foreign_keys=OFF;");
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();

        var accountIds = new string[Accounts];
        var dealIds = new string[Accounts];
        accountIds[0] = await Scalar(connection, transaction, "SELECT Id FROM Accounts");
        dealIds[0] = await Scalar(connection, transaction, "SELECT Id FROM Opportunities");
        var contactIds = new string[Contacts];
        contactIds[0] = await Scalar(connection, transaction, "SELECT Id FROM Contacts");

        await using (var accounts = await Cloner(connection, transaction, "Accounts", new() { ["Id"] = "$id", ["Name"] = "$name" }))
        await using (var domains = await Cloner(connection, transaction, "AccountDomains", new() { ["Domain"] = "$domain", ["AccountId"] = "$account" }))
        await using (var deals = await Cloner(connection, transaction, "Opportunities",
            new() { ["Id"] = "$id", ["Name"] = "$name", ["AccountId"] = "$account", ["PrimaryContactId"] = "$contact", ["OwnerId"] = "$owner" }))
        {
            for (var a = 1; a < Accounts; a++)
            {
                accountIds[a] = NewId();
                dealIds[a] = NewId();
                contactIds[a * ContactsPerAccount] = NewId();
                await Run(accounts, ("$id", accountIds[a]), ("$name", $"Account {a:D5}"));
                await Run(domains, ("$domain", $"acct{a:D5}.example"), ("$account", accountIds[a]));
                await Run(deals, ("$id", dealIds[a]), ("$name", $"Account {a:D5} – renewal"), ("$account", accountIds[a]),
                    ("$contact", contactIds[a * ContactsPerAccount]), ("$owner", Rep(a)));
            }
        }

        await using (var contacts = await Cloner(connection, transaction, "Contacts",
            new() { ["Id"] = "$id", ["Email"] = "$email", ["Name"] = "$name", ["AccountId"] = "$account" }))
        {
            for (var c = 1; c < Contacts; c++)
            {
                contactIds[c] ??= NewId();
                await Run(contacts, ("$id", contactIds[c]), ("$email", ContactEmail(c)), ("$name", $"Contact {c}"), ("$account", accountIds[c / ContactsPerAccount]));
            }
        }

        await using (var interactions = await Cloner(connection, transaction, "Interactions",
            new() { ["Id"] = "$id", ["OpportunityId"] = "$deal", ["ContactId"] = "$contact", ["SourceId"] = "$source", ["ConversationId"] = "$conversation", ["OccurredAt"] = "OccurredAt - $age" }))
        {
            for (long k = 1; k < Interactions; k++)
            {
                var contact = (int)(k % Contacts);
                var account = contact / ContactsPerAccount;
                await Run(interactions, ("$id", NewId()), ("$deal", k % 2 == 0 ? dealIds[account] : null), ("$contact", contactIds[contact]),
                    ("$source", MessageId(k)), ("$conversation", ConversationId(k)), ("$age", k * 1000));
            }
        }

        await Exec(connection, $"CREATE TABLE BenchShape (Value TEXT NOT NULL); INSERT INTO BenchShape VALUES ('{Shape}');", transaction);
        await transaction.CommitAsync();
        await Exec(connection, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
    }

    // EF Core's SQLite provider stores Guids as upper-case text.
    private static string NewId() => Guid.NewGuid().ToString().ToUpperInvariant();

    private static async Task<SqliteCommand> Cloner(SqliteConnection connection, SqliteTransaction transaction, string table, Dictionary<string, string> overrides)
    {
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.Transaction = transaction;
            info.CommandText = $"PRAGMA table_info(\"{table}\")";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add(reader.GetString(1));
        }
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"SELECT {string.Join(", ", columns.Select(c => overrides.TryGetValue(c, out var e) ? e : $"\"{c}\""))} FROM \"{table}\" WHERE rowid = (SELECT MIN(rowid) FROM \"{table}\")";
        foreach (var expression in overrides.Values)
        {
            foreach (var name in expression.Split(' ').Where(p => p.StartsWith('$')))
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }
        }
        command.Prepare();
        return command;
    }

    private static Task Run(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values) command.Parameters[name].Value = value ?? DBNull.Value;
        command.ExecuteNonQuery(); // SQLite is synchronous underneath; the async path only adds overhead here.
        return Task.CompletedTask;
    }

    private static async Task<string> Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Exec(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
