using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Quotas;
using Collaboration.Domain.Tenants;
using Collaboration.Domain.Users;
using Collaboration.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Reports;

/// <summary>
/// Two tenants whose deals lived random lives through the real aggregate at chosen times: advancing, skipping stages,
/// stepping back, closing, being reopened, changing hands, amounts and close dates.
/// </summary>
internal static class ReportWorld
{
    public const string Boss = "boss";
    public const string EastLead = "east-lead";
    public const string Ann = "ann";
    public const string Bob = "bob";
    public const string Chen = "chen";
    public const string Dai = "dai";
    public const string Outsider = "zed";

    public static readonly (string Id, string? Team, string? Manager)[] TenantAUsers =
    [
        (Boss, "leadership", null),
        (EastLead, "east", Boss),
        (Ann, "east", EastLead),
        (Bob, "east", EastLead),
        (Chen, "china", Boss),
        (Dai, "china", Boss),
    ];

    private static readonly string[] Sellers = [EastLead, Ann, Bob, Chen, Dai];
    private static readonly string?[] Competitors = [null, null, "Salesforce", "HubSpot", "纷享销客", "Zoho, Inc."];

    public static async Task SeedAsync(CrmDatabase database, DateTimeOffset now, int seed = 7, int deals = 150)
    {
        await SeedTenantAsync(database, CrmTestHostTenants.A, TenantAUsers, Sellers, now, new Random(seed), deals, withQuotas: true);
        await SeedTenantAsync(database, CrmTestHostTenants.B, [(Outsider, "east", null), (Ann, "east", null)], [Outsider, Ann], now, new Random(seed + 1), deals / 3, withQuotas: true);
    }

    private static async Task SeedTenantAsync(CrmDatabase database, string tenantId, (string Id, string? Team, string? Manager)[] users,
        string[] sellers, DateTimeOffset now, Random random, int dealCount, bool withQuotas)
    {
        var pipeline = PipelineSettings.Default;
        await using var db = database.Open(tenantId);
        db.Tenants.Add(new Tenant(tenantId, tenantId));
        foreach (var (id, team, manager) in users)
        {
            var user = new User(tenantId, id, id, $"{id}@example.com");
            user.PlaceInTeam(team, manager);
            db.Users.Add(user);
        }
        if (withQuotas)
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var quarter = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
            foreach (var seller in sellers)
            {
                for (var q = -3; q <= 1; q++)
                {
                    if (random.Next(4) == 0) continue;
                    var start = quarter.AddMonths(3 * q);
                    db.Quotas.Add(new Quota(tenantId, seller, start, start.AddMonths(3).AddDays(-1), random.Next(2, 40) * 10_000m, "USD"));
                }
            }
            db.Quotas.Add(new Quota(tenantId, sellers[^1], quarter, quarter.AddMonths(3).AddDays(-1), 900_000m, "CNY"));
        }
        await db.SaveChangesAsync();

        for (var i = 0; i < dealCount; i++)
        {
            if (i % 4 == 3)
            {
                await PlayLifeStepByStepAsync(database, tenantId, i, sellers, random, now, pipeline);
                continue;
            }
            db.Opportunities.Add(PlayLife(tenantId, i, sellers, random, now, pipeline));
            if (i % 50 == 49) await db.SaveChangesAsync();
        }
        await db.SaveChangesAsync();
    }

    private static Opportunity PlayLife(string tenantId, int index, string[] sellers, Random random, DateTimeOffset now, PipelineSettings pipeline)
    {
        var life = new Life(tenantId, sellers, random, now, pipeline);
        var deal = life.Capture(index);
        while (life.Step(deal)) { }
        return deal;
    }

    /// <summary>
    /// The same kind of life, but each step in a unit of work of its own that loads the deal afresh, as the bot and
    /// the add-in do: what is saved step by step must read the same as a life saved at once.
    /// </summary>
    private static async Task PlayLifeStepByStepAsync(CrmDatabase database, string tenantId, int index, string[] sellers, Random random,
        DateTimeOffset now, PipelineSettings pipeline)
    {
        var life = new Life(tenantId, sellers, random, now, pipeline);
        Guid id;
        await using (var db = database.Open(tenantId))
        {
            var deal = life.Capture(index);
            db.Opportunities.Add(deal);
            await db.SaveChangesAsync();
            id = deal.Id;
        }
        while (true)
        {
            await using var db = database.Open(tenantId);
            var deal = await db.Opportunities.SingleAsync(o => o.Id == id);
            var goesOn = life.Step(deal);
            await db.SaveChangesAsync();
            if (!goesOn) break;
        }
    }

    private sealed class Life(string tenantId, string[] sellers, Random random, DateTimeOffset now, PipelineSettings pipeline)
    {
        private string owner = "";
        private DateTimeOffset at;

        private ChangeContext Ctx() => new(owner, (ChangeSurface)random.Next(0, 3), at);

        public Opportunity Capture(int index)
        {
            owner = sellers[random.Next(sellers.Length)];
            at = now.AddDays(-random.Next(0, 420)).AddMinutes(-random.Next(0, 1440));
            var currency = random.Next(5) == 0 ? "CNY" : "USD";
            decimal? amount = random.Next(10) == 0 ? null : random.Next(1, 500) * 1000m + random.Next(0, 100) / 2m;
            return Opportunity.Capture(tenantId, $"Deal {index}", owner, pipeline, Ctx(), (CaptureSource)random.Next(0, 7),
                amount: amount, currency: currency, closeDate: DateOnly.FromDateTime(at.AddDays(random.Next(-10, 200)).UtcDateTime));
        }

        /// <summary>One thing happening to the deal; false once its life is over.</summary>
        public bool Step(Opportunity deal)
        {
            if (random.Next(100) < 12) return false;
            var next = at.AddMinutes(random.Next(30, 60 * 24 * 40));
            if (next > now) return false;
            at = next;
            try
            {
                if (deal.IsClosed)
                {
                    if (random.Next(3) != 0) return false;
                    deal.Reopen(StageFacts.OpenStages[random.Next(1, StageFacts.OpenStages.Count)], pipeline, Ctx(), "reconsidered");
                    return true;
                }
                var roll = random.Next(100);
                var stage = deal.Stage;
                if (roll < 50 && stage.Next() is { } following)
                {
                    if (following == Stage.Won) deal.CloseWon(null, DateOnly.FromDateTime(at.UtcDateTime), pipeline, Ctx(), "strategic");
                    else deal.MoveTo(following, pipeline, Ctx(), "strategic");
                }
                else if (roll < 58 && stage < Stage.Negotiation) deal.MoveTo(stage + 2, pipeline, Ctx(), "strategic");
                else if (roll < 62 && stage > Stage.New) deal.MoveTo(stage - 1, pipeline, Ctx(), "strategic");
                else if (roll < 72) deal.CloseLost(pipeline.LossReasons[random.Next(pipeline.LossReasons.Count)], Competitors[random.Next(Competitors.Length)], pipeline, Ctx());
                else if (roll < 78 && stage >= Stage.Proposal) deal.CloseWon(null, DateOnly.FromDateTime(at.UtcDateTime), pipeline, Ctx(), "strategic");
                else if (roll < 84) deal.ChangeAmount(random.Next(1, 500) * 1000m, null, Ctx());
                else if (roll < 90) deal.ChangeCloseDate(DateOnly.FromDateTime(at.AddDays(random.Next(-5, 150)).UtcDateTime), Ctx());
                else if (roll < 95) deal.SetManualProbability(random.Next(0, 21) * 5, pipeline, Ctx());
                else deal.AssignOwner(owner = sellers[random.Next(sellers.Length)], Ctx());
            }
            catch (DomainException)
            {
                // The aggregate refused (missing amount, no close date): a real rep would have been told; the life goes on.
            }
            return true;
        }
    }
}

internal static class CrmTestHostTenants
{
    public const string A = Testing.CrmTestHost.TenantA;
    public const string B = Testing.CrmTestHost.TenantB;
}
