using Collaboration.Application.Capture;
using Collaboration.Application.Notifications;
using Collaboration.Application.Opportunities;
using Collaboration.Domain.Common;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Nurture;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Upkeep;

/// <summary>Keeping a deal up to date through the use cases: details, follow-up plans that run themselves, the review prompt.</summary>
public class DealUpkeepTests
{
    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    private static readonly BantUpdate Qualified = new()
    {
        BudgetAmount = 120_000m,
        BudgetCurrency = "USD",
        BudgetStatus = BudgetStatus.CanBuy,
        DecisionMakerName = "Wang Fang",
        Need = NeedLevel.MustHave,
        Timeframe = Timeframe.ThisQuarter,
    };

    private static async Task<Opportunity> InNurtureAsync(NotificationTestHost host, Actor rep)
    {
        var deal = await host.Crm.Deals.CaptureFromEmailAsync(rep, new EmailMessage(new EmailParty("Priya", "priya@lumenfield.com"), [], [],
            "Pricing", "Hi", "<first@lumenfield.com>", "conv-1", new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero)), Qualified);
        await host.Crm.Deals.MoveStageAsync(rep, deal.Id, null, Stage.Qualify);
        return (await host.Crm.Deals.MoveStageAsync(rep, deal.Id, null, Stage.Nurture)).Deal;
    }

    private static Task AutoEnrolAsync(NotificationTestHost host) =>
        host.NurtureService.ChangeRulesAsync(CrmTestHost.TenantA, NurtureRules.Default with { AutoEnrolPlanOnNurture = "standard" });

    private static async Task<List<FollowUpEnrolment>> EnrolmentsAsync(NotificationTestHost host, Guid dealId)
    {
        await using var db = host.Crm.Db.Database.Open(CrmTestHost.TenantA);
        return await db.FollowUpEnrolments.AsNoTracking().Where(e => e.OpportunityId == dealId).ToListAsync();
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ADealEnteringNurtureIsEnrolledOnlyWhereTheTenantTurnedItOn(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        var rep = await host.UserAsync("rep-1");
        var before = await InNurtureAsync(host, rep);
        await AutoEnrolAsync(host);

        var after = await InNurtureAsync(host, rep);

        Assert.Empty(await EnrolmentsAsync(host, before.Id));
        var enrolment = Assert.Single(await EnrolmentsAsync(host, after.Id));
        Assert.Equal(("standard", true, new DateOnly(2026, 11, 26)), (enrolment.PlanName, enrolment.IsRunning, enrolment.StartedOn));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task APlanStopsWhenTheCustomerWritesBack(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        await AutoEnrolAsync(host);
        var rep = await host.UserAsync("rep-1");
        var deal = await InNurtureAsync(host, rep);
        host.Crm.Clock.Advance(TimeSpan.FromDays(2));

        await host.Crm.Deals.LogInteractionAsync(rep, deal.Id, new InteractionInput(InteractionKind.Call, "Left a voicemail", Direction.Outbound));
        var stillRunning = Assert.Single(await EnrolmentsAsync(host, deal.Id)).IsRunning;
        await host.Crm.Deals.LogInteractionAsync(rep, deal.Id, OpportunityService.EmailInteraction(new EmailMessage(
            new EmailParty("Priya", "priya@lumenfield.com"), [], [], "Re: Pricing", "Let's talk", "<reply@lumenfield.com>", "conv-1", host.Crm.Clock.GetUtcNow())));

        Assert.True(stillRunning);
        var stopped = Assert.Single(await EnrolmentsAsync(host, deal.Id));
        Assert.Equal((false, PlanStopReason.CustomerReplied), (stopped.IsRunning, stopped.StopReason));
        Assert.DoesNotContain(await host.NurtureService.DueAsync(rep), r => r.Rule == ReminderRule.PlanStep);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task APlanStopsWhenTheDealLeavesNurture(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        await AutoEnrolAsync(host);
        var rep = await host.UserAsync("rep-1");
        var deal = await InNurtureAsync(host, rep);

        await host.Crm.Deals.MoveStageAsync(rep, deal.Id, null, Stage.Proposal);

        var stopped = Assert.Single(await EnrolmentsAsync(host, deal.Id));
        Assert.Equal((false, PlanStopReason.LeftNurture), (stopped.IsRunning, stopped.StopReason));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ARepStartsStopsAndCompletesAPlanOneAtATime(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        var rep = await host.UserAsync("rep-1");
        var deal = await InNurtureAsync(host, rep);

        var started = await host.NurtureService.StartPlanAsync(rep, deal.Id, "Standard");
        var twice = await Assert.ThrowsAsync<DomainException>(() => host.NurtureService.StartPlanAsync(rep, deal.Id, "standard"));
        var unknown = await Assert.ThrowsAsync<DomainException>(() => host.NurtureService.StartPlanAsync(rep, deal.Id, "aggressive"));
        var done = await host.NurtureService.CompletePlanStepAsync(rep, deal.Id, 1);
        var stopped = await host.NurtureService.StopPlanAsync(rep, deal.Id);
        var again = await host.NurtureService.StartPlanAsync(rep, deal.Id, "standard");

        Assert.True(started.IsRunning);
        Assert.Equal("plan_running", twice.Error.Code);
        Assert.Equal("\"aggressive\" is not a follow-up plan here. Choose one of: standard.", unknown.Error.Describe("en"));
        Assert.Equal(1, done.StepsDone);
        Assert.Equal(PlanStopReason.Stopped, stopped.StopReason);
        Assert.True(again.IsRunning);
        Assert.Equal(2, (await EnrolmentsAsync(host, deal.Id)).Count);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AClosedDealsOwnerIsAskedForAReviewInTeamsWhateverClosedIt(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        var boss = await host.UserAsync("boss", team: "east");
        await host.UserAsync("alice", team: "east", manager: "boss", locale: "zh-CN");
        var fromOutlook = await host.Crm.Deals.CaptureAsync(boss, new CaptureRequest("Fabrikam") { OwnerObjectId = "alice" });
        var fromTeams = await host.Crm.Deals.CaptureAsync(boss, new CaptureRequest("Northwind") { OwnerObjectId = "alice" });
        await host.Dispatcher.DrainAsync();
        var before = (await host.DeliveriesAsync()).Count;

        var outlook = await host.Crm.Deals.CloseLostAsync(boss.Via(ChangeSurface.Outlook), fromOutlook.Id, null, "competitor", "Contoso");
        var teams = await host.Crm.Deals.CloseLostAsync(boss, fromTeams.Id, null, "price", null);
        await host.Dispatcher.DrainAsync();

        Assert.True(outlook.ReviewQueued);
        Assert.False(teams.ReviewQueued);
        Assert.Equal("alice", teams.ReviewFrom);
        var prompts = (await host.DeliveriesAsync()).Skip(before).Where(d => d.Kind == NotificationKind.ReviewRequested).ToList();
        var prompt = Assert.Single(prompts);
        Assert.Equal((RecipientKind.User, "alice"), (prompt.RecipientKind, prompt.Recipient));
        var message = DeliveryPayload.Deserialize(prompt.Payload);
        Assert.Equal((fromOutlook.Id, Stage.Lost, "Contoso", "zh-CN"), (message.OpportunityId, message.ToStage, message.Competitor, message.Locale));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AStaleOrInvalidDetailChangeSavesNothingAndNamesTheField(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        var rep = await host.UserAsync("rep-1");
        var deal = await host.Crm.Deals.CaptureAsync(rep, new CaptureRequest("Contoso"));

        var invalid = await Assert.ThrowsAsync<DomainException>(() => host.Crm.Deals.UpdateDetailsAsync(rep, deal.Id, 1,
            new OpportunityService.DealDetailsUpdate(Name: "Contoso – 80 seats", Amount: 48_000m, Currency: "euros")));
        var updated = await host.Crm.Deals.UpdateDetailsAsync(rep, deal.Id, 1, new OpportunityService.DealDetailsUpdate(Name: "Contoso – 80 seats"));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => host.Crm.Deals.UpdateDetailsAsync(rep, deal.Id, 1,
            new OpportunityService.DealDetailsUpdate(Amount: 1m)));

        Assert.Equal(("invalid_currency", "currency"), (invalid.Error.Code, invalid.Error.Values["field"]));
        Assert.Equal(("Contoso – 80 seats", null, 2), (updated.Deal.Name, updated.Deal.Amount, updated.Deal.Version));
        await using var db = host.Crm.Db.Database.Open(CrmTestHost.TenantA);
        Assert.Equal(2, await db.Opportunities.Where(o => o.Id == deal.Id).Select(o => o.Version).SingleAsync());
        Assert.DoesNotContain(await db.OpportunityChanges.Where(c => c.OpportunityId == deal.Id).ToListAsync(), c => c.Field == ChangedField.Amount);
    }
}
