using Collaboration.Application.Capture;
using Collaboration.Application.Contracts;
using Collaboration.Application.Products;
using Collaboration.Application.Quotes;
using Collaboration.Domain.Contracts;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Products;
using Collaboration.Domain.Quotes;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Convert;

/// <summary>Products, quotes, contracts and milestones through the real use cases on SQLite and PostgreSQL.</summary>
public class ConvertPersistenceTests
{
    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    [Theory, MemberData(nameof(Databases))]
    public async Task AQuoteRoundTripsWithItsLinesTotalsDecisionAndTheDealsAmount(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var manager = await host.RepAsync("manager-1");
        var rep = await host.RepAsync("rep-1", manager: "manager-1");
        var admin = await host.RepAsync("admin-1");
        var catalog = new ProductCatalog(host.Db.Database);
        await catalog.ReplaceAsync(admin, [new ProductEntry("kw-1", "Kuwait pack", "box", [new ProductPrice("KWD", 12.3455m)], true)]);
        var quotes = new QuoteService(host.Db.Database, host.Clock);
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Gulf rollout") { Amount = 1m, Currency = "KWD" });

        var first = await quotes.CreateAsync(rep, deal.Id, new QuoteRequest("KWD", [new QuoteLineRequest("KW-1", null, 3, null, 20m)]));
        var second = await quotes.CreateAsync(rep, deal.Id, new QuoteRequest("KWD", [new QuoteLineRequest("KW-1", null, 3, null, 20m)]));
        var submitted = await quotes.SubmitAsync(rep, deal.Id, 2);
        await quotes.DecideAsync(manager, deal.Id, 2, submitted.Version, approve: false, "max 15%");
        var reloaded = await quotes.GetAsync(rep, deal.Id, 2);
        var old = await quotes.GetAsync(rep, deal.Id, 1);
        var detail = await host.Queries.DetailAsync(rep, deal.Id);

        Assert.Equal((1, 2), (first.Number, second.Number));
        Assert.False(old.IsCurrent);
        Assert.True(reloaded.IsCurrent);
        Assert.Equal(QuoteStatus.Draft, reloaded.Status);
        Assert.Equal(12.3455m, reloaded.Lines[0].UnitPrice);
        // 3 × 12.3455 = 37.0365 → 37.037 (KWD has 3 decimals); 20% of it 7.4074 → 7.407.
        Assert.Equal((37.037m, 7.407m, 29.630m), (reloaded.Subtotal, reloaded.Discount, reloaded.Total));
        Assert.Equal("max 15%", reloaded.Decision!.Comment);
        Assert.False(reloaded.Decision.Approved);
        Assert.Equal(29.630m, detail.Deal.Amount);
        await using var db = host.Db.Database.Open(CrmTestHost.TenantA);
        Assert.Contains(await db.OpportunityChanges.Where(c => c.OpportunityId == deal.Id).ToListAsync(), c => c.Field == ChangedField.Quote && c.NewValue == "rejected" && c.Reason == "max 15%");
        Assert.Equal(1, await db.Outbox.CountAsync(o => o.Type == nameof(QuoteApprovalRequested)));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AProductCodeIsUniqueInATenantButNotAcrossTenants(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var a = await host.RepAsync("admin-a");
        var b = await host.RepAsync("admin-b", tenantId: CrmTestHost.TenantB);
        var catalog = new ProductCatalog(host.Db.Database);

        await catalog.ReplaceAsync(a, [new ProductEntry("PRO", "Pro", null, [], true)]);
        await catalog.ReplaceAsync(b, [new ProductEntry("pro", "Pro elsewhere", null, [], true)]);
        var twice = await Assert.ThrowsAsync<Domain.Common.InvalidFieldsException>(() =>
            catalog.ReplaceAsync(a, [new ProductEntry("PRO", "Pro", null, [], true), new ProductEntry(" pro ", "Again", null, [], true)]));
        await using var db = host.Db.Database.Open(CrmTestHost.TenantA);
        db.Products.Add(new Product(CrmTestHost.TenantA, "PRO", "Sneaked in", null, [], true));

        Assert.Equal("[1]", Assert.Single(twice.Problems).Field);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal("Pro elsewhere", Assert.Single(await catalog.ListAsync(b)).Name);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AContractAndMilestonesRoundTripAndAnOverduePaymentShowsAsOverdue(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-1");
        var contracts = new ContractService(host.Db.Database, host.Clock);
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Signed deal") { Amount = 50_000m, Currency = "CNY" });

        await contracts.RecordContractAsync(rep, deal.Id, new ContractRequest(new DateOnly(2026, 11, 20), "https://example.com/c.pdf", null, null));
        await contracts.AddMilestoneAsync(rep, deal.Id, new MilestoneRequest(MilestoneKind.Payment, "Deposit", 25_000m, null, new DateOnly(2026, 11, 30)));
        host.Clock.Advance(TimeSpan.FromDays(7));
        var milestones = await contracts.MilestonesAsync(rep, deal.Id);
        var detail = await host.Queries.DetailAsync(rep, deal.Id);

        Assert.Equal(new DealContract(new DateOnly(2026, 11, 20), "https://example.com/c.pdf", 50_000m, "CNY"), detail.Deal.Contract);
        var payment = Assert.Single(milestones);
        Assert.Equal(("CNY", 25_000m, true), (payment.Currency, payment.Amount, payment.Overdue));
    }
}
