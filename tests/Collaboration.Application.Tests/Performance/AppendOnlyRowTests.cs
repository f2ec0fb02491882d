using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Performance;

/// <summary>
/// On SQLite a save's history rows and outbox messages go in one INSERT of many rows a table, outside EF Core's
/// tracking: each row still gets the id the database gave it, and a save whose rows cannot be written leaves nothing
/// behind.
/// </summary>
public class AppendOnlyRowTests
{
    [Theory, MemberData(nameof(PersistenceTests.Databases), MemberType = typeof(PersistenceTests))]
    public async Task EveryHistoryRowACaptureSavedCarriesTheIdOfItsOwnRow(DatabaseKind kind)
    {
        using var commands = CommandsCarrying.Start();
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-history-ids");
        var email = new EmailMessage(new EmailParty("Zhang Wei", "zhang@adatum.com"), [], [], "Pricing for 50 seats",
            "We have budget approved for about $120k and would like to start next quarter. Sarah Chen, our VP Sales, will sign.",
            "<pricing-ids@adatum.com>", "conv-ids", host.Clock.GetUtcNow().AddHours(-3));
        var request = OpportunityService.FromEmail(email, EmailCapture.HintsFor(email)) with { Amount = 120_000m, NextStep = "Send the quote" };

        var first = await host.Deals.CaptureOutcomeAsync(rep, request);
        await using (var probe = host.Db.Database.Open(rep.TenantId))
        {
            commands.RecordOn(probe.Database.GetDbConnection());
        }
        var second = await host.Deals.CaptureOutcomeAsync(rep, request with { Name = "Second order", FirstInteraction = null });
        var ran = commands.Stop();

        await using var db = host.Db.Database.Open(rep.TenantId);
        foreach (var saved in new[] { first, second })
        {
            var changes = saved.History!.Changes;
            Assert.True(changes.Count >= 6, $"only {changes.Count} history rows");
            var rows = await db.OpportunityChanges.AsNoTracking().Where(c => c.OpportunityId == saved.Deal.Id).ToDictionaryAsync(c => c.Id);
            Assert.Equal(changes.Count, rows.Count);
            foreach (var change in changes)
            {
                var row = rows[change.Id];
                Assert.Equal((change.Field, change.OldValue, change.NewValue, change.Reason), (row.Field, row.OldValue, row.NewValue, row.Reason));
            }
        }
        // SQLite's saves ran one command a row before; PostgreSQL's are one batch of EF Core's already.
        if (kind == DatabaseKind.Sqlite)
        {
            Assert.Single(ran, c => c.Text.Contains("INSERT INTO \"OpportunityChanges\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ASaveWhoseHistoryCannotBeWrittenLeavesNothingAndTheWritersGoOn()
    {
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        var refused = await host.RepAsync("rep-history-refused");
        var others = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => host.RepAsync($"rep-history-{i}")));
        await using (var setup = host.Db.Database.Open(refused.TenantId))
        {
            await setup.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER refuse_history BEFORE INSERT ON "OpportunityChanges"
                WHEN NEW."ChangedBy" = 'rep-history-refused' BEGIN SELECT RAISE(ABORT, 'history refused'); END;
                """);
        }

        // Alone, and then among others saving at the same moment (their saves commit together, each in a savepoint).
        await Assert.ThrowsAsync<DbUpdateException>(() => host.Deals.CaptureAsync(refused, new CaptureRequest("Refused alone") { Amount = 1_000m }));
        var together = others.Select(rep => host.Deals.CaptureAsync(rep, new CaptureRequest($"Order of {rep.UserObjectId}") { Amount = 2_000m }))
            .Concat(Enumerable.Range(0, 4).Select(i => host.Deals.CaptureAsync(refused, new CaptureRequest($"Refused {i}") { Amount = 1_000m })))
            .Select(async capture =>
            {
                try
                {
                    return (await capture).Name;
                }
                catch (DbUpdateException)
                {
                    return null;
                }
            })
            .ToList();
        var names = await Task.WhenAll(together);

        Assert.Equal(others.Select(r => $"Order of {r.UserObjectId}").Order(), names.OfType<string>().Order());
        await using var db = host.Db.Database.Open(refused.TenantId);
        var deals = await db.Opportunities.AsNoTracking().ToListAsync();
        Assert.Equal(names.OfType<string>().Order(), deals.Select(d => d.Name).Order());
        Assert.DoesNotContain(await db.OpportunityChanges.AsNoTracking().Select(c => c.ChangedBy).ToListAsync(), by => by == refused.UserObjectId);
        Assert.DoesNotContain(await db.StageStints.AsNoTracking().Select(s => s.OwnerId).ToListAsync(), owner => owner == refused.UserObjectId);
        var dealIds = deals.Select(d => d.Id).ToHashSet();
        Assert.All(await db.OpportunityChanges.AsNoTracking().Select(c => c.OpportunityId).ToListAsync(), id => Assert.Contains(id, dealIds));
        Assert.Equal(deals.Count, (await db.OpportunityChanges.AsNoTracking().Select(c => c.OpportunityId).Distinct().ToListAsync()).Count);
        var outbox = await db.Outbox.AsNoTracking().Select(m => m.Payload).ToListAsync();
        Assert.All(outbox, payload => Assert.Contains(dealIds, id => payload.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)));
        Assert.All(deals, deal => Assert.Contains(outbox, payload => payload.Contains(deal.Id.ToString(), StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task SavesOnSeveralSqliteDatabasesAtOnceEachKeepTheirOwnRows()
    {
        // Each database's writers wait for each other; those of different databases run at once, and the statements
        // are made once for the model they share. This once failed with a NullReferenceException in a reader.
        var hosts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => CrmTestHost.StartAsync(DatabaseKind.Sqlite)));
        try
        {
            var reps = await Task.WhenAll(hosts.Select(host => host.RepAsync("rep-many-databases")));
            var captured = await Task.WhenAll(hosts.Select((host, h) => Task.Run(async () =>
            {
                var deals = new List<(Guid Id, int Changes)>();
                for (var i = 0; i < 60; i++)
                {
                    var outcome = await host.Deals.CaptureOutcomeAsync(reps[h], new CaptureRequest($"Database {h} order {i}") { Amount = 1_000m + i, NextStep = "Call back" });
                    deals.Add((outcome.Deal.Id, outcome.History!.Changes.Count));
                }
                return deals;
            })));

            for (var h = 0; h < hosts.Length; h++)
            {
                await using var db = hosts[h].Db.Database.Open(reps[h].TenantId);
                var rows = await db.OpportunityChanges.AsNoTracking().GroupBy(c => c.OpportunityId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
                Assert.Equal(captured[h].ToDictionary(d => d.Id, d => d.Changes), rows);
                var names = await db.Opportunities.AsNoTracking().Select(o => o.Name).ToListAsync();
                Assert.Equal(Enumerable.Range(0, 60).Select(i => $"Database {h} order {i}").Order(), names.Order());
            }
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
        }
    }
}
