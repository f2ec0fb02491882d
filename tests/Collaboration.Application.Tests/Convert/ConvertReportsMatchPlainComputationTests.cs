using Collaboration.Application.Capture;
using Collaboration.Application.Contracts;
using Collaboration.Application.Quotes;
using Collaboration.Application.Reports;
using Collaboration.Domain.Contracts;
using Collaboration.Domain.Pipeline;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Convert;

/// <summary>Quote-to-win, average discount by rep and overdue payments, each checked against a plain computation over the rows.</summary>
public class ConvertReportsMatchPlainComputationTests
{
    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    [Theory, MemberData(nameof(Databases))]
    public async Task TheConvertReportsMatchAPlainComputationOverRandomDeals(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var boss = await host.RepAsync("boss");
        var reps = new[] { await host.RepAsync("ann", manager: "boss"), await host.RepAsync("bob", manager: "boss"), await host.RepAsync("cat") };
        var quotes = new QuoteService(host.Db.Database, host.Clock);
        var contracts = new ContractService(host.Db.Database, host.Clock);
        var random = new Random(19);
        var start = host.Clock.GetUtcNow();
        for (var i = 0; i < 36; i++)
        {
            var rep = reps[random.Next(reps.Length)];
            var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest($"Deal {i}") { Amount = 1000m, Currency = "USD", CloseDate = new DateOnly(2027, 1, 1) });
            for (var q = random.Next(0, 4); q > 0; q--)
            {
                host.Clock.Advance(TimeSpan.FromDays(random.Next(0, 9)));
                await quotes.CreateAsync(rep, deal.Id, new QuoteRequest("USD",
                [
                    new QuoteLineRequest(null, "Seats", random.Next(1, 50), random.Next(10, 500), random.Next(0, 6) * 5),
                    new QuoteLineRequest(null, "Setup", 1, random.Next(0, 3000), random.Next(0, 3) * 10),
                ]));
            }
            if (random.Next(3) == 0) await host.Deals.CloseWonAsync(rep, deal.Id, null, null, null, "strategic");
            else if (random.Next(4) == 0) await host.Deals.CloseLostAsync(rep, deal.Id, null, "price", null);
            for (var m = random.Next(0, 3); m > 0; m--)
            {
                var payment = await contracts.AddMilestoneAsync(rep, deal.Id, new MilestoneRequest(MilestoneKind.Payment, $"Part {m}", random.Next(1, 100) * 100m, null,
                    DateOnly.FromDateTime(start.UtcDateTime).AddDays(random.Next(-20, 120))));
                if (random.Next(3) == 0) await contracts.MarkDoneAsync(rep, deal.Id, payment.Id);
            }
        }
        var reports = new ConvertReports(host.Db.Database, host.Clock);
        var today = DateOnly.FromDateTime(start.UtcDateTime);
        var filter = new ReportFilter(today.AddDays(10), today.AddDays(200));

        await using var db = host.Db.Database.Open(CrmTestHost.TenantA);
        var deals = await db.Opportunities.AsNoTracking().ToDictionaryAsync(o => o.Id);
        var allQuotes = await db.Quotes.AsNoTracking().ToListAsync();
        var milestones = await db.Milestones.AsNoTracking().ToListAsync();

        foreach (var (viewer, owners) in new[] { (boss, new[] { "ann", "bob" }), (reps[2], new[] { "cat" }) })
        {
            var expectedWin = new List<QuoteToWinRow>();
            var expectedDiscount = new List<AverageDiscountRow>();
            foreach (var owner in owners.Order(StringComparer.Ordinal))
            {
                var quoted = new List<Guid>();
                foreach (var deal in deals.Values.Where(d => d.OwnerId == owner))
                {
                    var first = allQuotes.Where(q => q.OpportunityId == deal.Id).Select(q => (DateTimeOffset?)q.CreatedAt).Min();
                    if (first is { } at && at >= filter.Start && at < filter.End) quoted.Add(deal.Id);
                }
                if (quoted.Count > 0) expectedWin.Add(new QuoteToWinRow(owner, quoted.Count, quoted.Count(id => deals[id].Stage == Stage.Won)));
                var percents = new List<decimal>();
                foreach (var quote in allQuotes.Where(q => deals[q.OpportunityId].OwnerId == owner && q.CreatedAt >= filter.Start && q.CreatedAt < filter.End && q.Subtotal > 0))
                {
                    percents.Add(Math.Round(quote.Discount * 100m / quote.Subtotal, 2, MidpointRounding.AwayFromZero));
                }
                if (percents.Count > 0) expectedDiscount.Add(new AverageDiscountRow(owner, percents.Count, Math.Round(percents.Sum() / percents.Count, 2, MidpointRounding.AwayFromZero)));
            }
            var expectedOverdue = milestones
                .Where(m => owners.Contains(deals[m.OpportunityId].OwnerId) && m.Kind == MilestoneKind.Payment && m.PaidOn is null && m.DueOn < today)
                .Select(m => (m.Id, today.DayNumber - m.DueOn.DayNumber)).OrderBy(x => x.Id).ToList();

            Assert.Equal(expectedWin, await reports.QuoteToWinAsync(viewer, filter));
            Assert.Equal(expectedDiscount, await reports.AverageDiscountAsync(viewer, filter));
            var overdue = await reports.OverduePaymentsAsync(viewer, filter with { AsOf = start });
            Assert.Equal(expectedOverdue, overdue.Select(r => (r.MilestoneId, r.DaysOverdue)).OrderBy(x => x.MilestoneId).ToList());
            Assert.True(overdue.Select(r => r.DueOn).SequenceEqual(overdue.Select(r => r.DueOn).Order()));
        }
        Assert.True(allQuotes.Count > 20 && milestones.Count(m => m.PaidOn is null && m.DueOn < today) > 2, "the random deals should give the reports something to count");
    }
}
