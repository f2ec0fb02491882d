using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Domain.Common;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests;

public class PersistenceTests
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

    [Theory, MemberData(nameof(Databases))]
    public async Task ADealRoundTripsWithItsQualificationHistoryAndEvents(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-1");
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Contoso Ltd – 50 seats")
        {
            ContactEmail = "Wang.Fang@Contoso.com",
            ContactName = "Wang Fang",
            Amount = 120_000.50m,
            Currency = "usd",
            CloseDate = new DateOnly(2026, 12, 31),
            Qualification = Qualified,
            NextStep = "Send pricing",
        });
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.Deals.MoveStageAsync(rep, deal.Id, 1, Stage.Qualify);
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.Deals.MoveStageAsync(rep with { Surface = ChangeSurface.Outlook }, deal.Id, 2, Stage.Proposal);

        var detail = await host.Queries.DetailAsync(rep, deal.Id);
        Assert.Equal("Contoso Ltd – 50 seats", detail.Deal.Name);
        Assert.Equal(120_000.50m, detail.Deal.Amount);
        Assert.Equal("USD", detail.Deal.Currency);
        Assert.Equal(Stage.Proposal, detail.Deal.Stage);
        Assert.Equal(40, detail.Deal.Probability);
        Assert.Equal(3, detail.Deal.Version);
        Assert.Equal("Wang Fang", detail.Deal.Bant.DecisionMakerName);
        Assert.Equal(NeedLevel.MustHave, detail.Deal.Bant.Need);
        Assert.Equal("Send pricing", detail.Deal.NextStep);
        Assert.Equal("Contoso", detail.Account?.Name);
        Assert.Equal("wang.fang@contoso.com", detail.PrimaryContact?.Email);
        Assert.Equal(host.Clock.GetUtcNow(), detail.Deal.StageEnteredAt);

        var stageChanges = detail.Timeline.Where(e => e.Field == ChangedField.Stage).OrderBy(e => e.At).ToList();
        Assert.Equal(["new", "qualify", "proposal"], stageChanges.Select(e => e.NewValue));
        Assert.Equal(ChangeSurface.Outlook, stageChanges[^1].Surface);

        await using var db = host.Db.Database.Open(CrmTestHost.TenantA);
        var events = await db.Outbox.OrderBy(m => m.Id).Select(m => m.Type).ToListAsync();
        Assert.Equal(["OwnerAssigned", "QualificationChanged", "StageChanged", "StageChanged"], events);
        Assert.All(await db.Outbox.ToListAsync(), m => Assert.Null(m.ProcessedAt));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TwoRepsChangingOneDealAtOnceGetOneWinnerAndOneConflict(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var alice = await host.RepAsync("alice", team: "east");
        var bob = await host.RepAsync("bob", team: "east");
        var deal = await host.Deals.CaptureAsync(alice, new CaptureRequest("Fabrikam rollout") { Amount = 10_000m });

        await using (var first = host.Db.Database.Open(CrmTestHost.TenantA))
        await using (var second = host.Db.Database.Open(CrmTestHost.TenantA))
        {
            var mine = await first.Opportunities.SingleAsync(o => o.Id == deal.Id);
            var theirs = await second.Opportunities.SingleAsync(o => o.Id == deal.Id);
            mine.ChangeAmount(20_000m, null, alice.At(host.Clock.GetUtcNow()));
            theirs.ChangeAmount(30_000m, null, bob.At(host.Clock.GetUtcNow()));
            await first.SaveChangesAsync();
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        }

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            host.Deals.UpdateDetailsAsync(bob, deal.Id, expectedVersion: 1, new OpportunityService.DealDetailsUpdate(Amount: 30_000m)));
        Assert.Equal(2, stale.CurrentVersion);
        Assert.Contains("version 1", stale.Error.Describe("en"));

        var detail = await host.Queries.DetailAsync(alice, deal.Id);
        Assert.Equal(20_000m, detail.Deal.Amount);
        await using var db = host.Db.Database.Open(CrmTestHost.TenantA);
        Assert.Equal(1, await db.OpportunityChanges.CountAsync(c => c.Field == ChangedField.Amount && c.NewValue == "20000"));
        Assert.Equal(0, await db.OpportunityChanges.CountAsync(c => c.NewValue == "30000"));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ConcurrentStageMovesThroughTheServiceNeverLoseAnUpdate(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var alice = await host.RepAsync("alice", team: "east");
        var bob = await host.RepAsync("bob", team: "east");
        var deal = await host.Deals.CaptureAsync(alice, new CaptureRequest("Northwind") { Qualification = Qualified, Amount = 5m, CloseDate = new DateOnly(2027, 1, 1) });

        var attempts = await Task.WhenAll(
            Attempt(() => host.Deals.MoveStageAsync(alice, deal.Id, deal.Version, Stage.Proposal)),
            Attempt(() => host.Deals.CloseLostAsync(bob, deal.Id, deal.Version, "price", null)));
        Assert.Single(attempts, a => a is null);
        Assert.Single(attempts, a => a is ConcurrencyConflictException);

        await using var db = host.Db.Database.Open(CrmTestHost.TenantA);
        var stageEvents = await db.Outbox.CountAsync(m => m.Type == "StageChanged");
        Assert.Equal(1, stageEvents);
    }

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try { await action(); return null; }
        catch (Exception e) { return e; }
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AFailedSaveLeavesNoOutboxRowAndNoHistory(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-1");
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Tailspin") { Qualification = Qualified });

        await using (var db = host.Db.Database.Open(CrmTestHost.TenantA))
        {
            var loaded = await db.Opportunities.SingleAsync(o => o.Id == deal.Id);
            loaded.MoveTo(Stage.Qualify, PipelineSettings.Default, rep.At(host.Clock.GetUtcNow()));
            // A row that violates the contact email's uniqueness makes the whole unit of work fail.
            db.Contacts.Add(new Domain.Contacts.Contact(CrmTestHost.TenantA, "dup@tailspin.com", null, null));
            db.Contacts.Add(new Domain.Contacts.Contact(CrmTestHost.TenantA, "DUP@tailspin.com", null, null));
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = host.Db.Database.Open(CrmTestHost.TenantA);
        Assert.Equal(0, await check.Outbox.CountAsync(m => m.Type == "StageChanged"));
        Assert.Equal(0, await check.OpportunityChanges.CountAsync(c => c.NewValue == "qualify"));
        Assert.Equal(Stage.New, (await check.Opportunities.SingleAsync(o => o.Id == deal.Id)).Stage);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task NoQueryCrossesTenants(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var repA = await host.RepAsync("same-object-id", CrmTestHost.TenantA);
        var repB = await host.RepAsync("same-object-id", CrmTestHost.TenantB);
        var deal = await host.Deals.CaptureAsync(repA, new CaptureRequest("Contoso secret deal") { ContactEmail = "ceo@contoso.com" });

        Assert.Empty(await host.Queries.MyOpenDealsAsync(repB));
        Assert.Equal(DealMatchOutcome.None, (await host.Queries.FindByNameAsync(repB, "contoso")).Outcome);
        await Assert.ThrowsAsync<NotFoundException>(() => host.Queries.DetailAsync(repB, deal.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => host.Deals.MoveStageAsync(repB, deal.Id, null, Stage.Qualify));
        await Assert.ThrowsAsync<NotFoundException>(() => host.Deals.LogInteractionAsync(repB, deal.Id, new InteractionInput(InteractionKind.Note, "peek")));
        var (contact, account) = await host.Parties.FindAsync(CrmTestHost.TenantB, "ceo@contoso.com");
        Assert.Null(contact);
        Assert.Null(account);

        await using var db = host.Db.Database.Open(CrmTestHost.TenantB);
        Assert.Equal(0, await db.Opportunities.CountAsync());
        Assert.Equal(0, await db.OpportunityChanges.CountAsync());
        Assert.Equal(0, await db.Outbox.CountAsync());
        db.Contacts.Add(new Domain.Contacts.Contact(CrmTestHost.TenantA, "smuggled@contoso.com", null, null));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TwentyConcurrentCapturesOfOneNewSenderMakeOneContactAndOneAccount(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-1");
        var captures = Enumerable.Range(0, 20).Select(i => Task.Run(() => host.Deals.CaptureFromEmailAsync(rep,
            new EmailMessage(new EmailParty("Li Na", "li.na@Wingtip.cn"), [], [], $"Inquiry {i}", "Hello", $"<msg-{i}@wingtip.cn>", "conv-1",
                host.Clock.GetUtcNow()), null)));
        var deals = await Task.WhenAll(captures);

        await using var db = host.Db.Database.Open(CrmTestHost.TenantA);
        var contact = await db.Contacts.SingleAsync();
        var account = await db.Accounts.SingleAsync();
        Assert.Equal("li.na@wingtip.cn", contact.Email);
        Assert.Equal(account.Id, contact.AccountId);
        Assert.Equal(20, await db.Opportunities.CountAsync(o => o.PrimaryContactId == contact.Id && o.AccountId == account.Id));
        Assert.Equal(20, await db.Interactions.CountAsync(i => i.Kind == InteractionKind.Email));
        Assert.Equal(20, deals.Select(d => d.Id).Distinct().Count());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AFreeMailSenderGetsAContactAndNoAccount(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-1");
        var first = await host.Parties.MatchOrCreateAsync(CrmTestHost.TenantA, "someone@gmail.com", "Some One");
        var second = await host.Parties.MatchOrCreateAsync(CrmTestHost.TenantA, "other@gmail.com", "Other");
        Assert.Null(first.Account);
        Assert.Null(second.Account);
        Assert.True(first.ContactIsNew);

        var colleague = await host.Parties.MatchOrCreateAsync(CrmTestHost.TenantA, "b@contoso.com", null);
        var sameCompany = await host.Parties.MatchOrCreateAsync(CrmTestHost.TenantA, "a@CONTOSO.com", null);
        Assert.Equal(colleague.Account!.Id, sameCompany.Account!.Id);
        Assert.False(sameCompany.AccountIsNew);
        var again = await host.Parties.MatchOrCreateAsync(CrmTestHost.TenantA, "A@contoso.com", "Ann");
        Assert.Equal(sameCompany.Contact.Id, again.Contact.Id);
        Assert.False(again.ContactIsNew);
        Assert.Equal("Ann", again.Contact.Name);

        await using var db = host.Db.Database.Open(CrmTestHost.TenantA);
        Assert.Equal(1, await db.Accounts.CountAsync());
        Assert.Equal(4, await db.Contacts.CountAsync());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task LoggingTheSameEmailTwiceIsOneInteraction(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-1");
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Adatum"));
        var email = new EmailMessage(new EmailParty("Zhang Wei", "zhang@adatum.com"), [], [], "Re: pricing", "Looks good",
            "<CAF=abc@mail.adatum.com>", "conv-9", host.Clock.GetUtcNow().AddHours(-2));

        var first = await host.Deals.LogInteractionAsync(rep, deal.Id, OpportunityService.EmailInteraction(email));
        var second = await host.Deals.LogInteractionAsync(rep, deal.Id, OpportunityService.EmailInteraction(email with { InternetMessageId = "caf=abc@mail.adatum.com" }));
        Assert.False(first.AlreadyLogged);
        Assert.True(second.AlreadyLogged);
        Assert.Equal(first.Interaction.Id, second.Interaction.Id);

        var detail = await host.Queries.DetailAsync(rep, deal.Id);
        Assert.Single(detail.Timeline, e => e.Kind == TimelineEntryKind.Interaction);
        Assert.Equal(email.ReceivedAt, detail.Deal.LastActivityAt);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task MyOpenDealsListsHottestFirstThenNearestCloseDate(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-1");
        var other = await host.RepAsync("rep-2");
        await host.Deals.CaptureAsync(rep, new CaptureRequest("Cold later") { CloseDate = new DateOnly(2027, 6, 1) });
        await host.Deals.CaptureAsync(rep, new CaptureRequest("Cold sooner") { CloseDate = new DateOnly(2027, 1, 1) });
        await host.Deals.CaptureAsync(rep, new CaptureRequest("Cold undated"));
        await host.Deals.CaptureAsync(rep, new CaptureRequest("Hot") { Qualification = Qualified });
        var closed = await host.Deals.CaptureAsync(rep, new CaptureRequest("Closed"));
        await host.Deals.CloseLostAsync(rep, closed.Id, null, "timing", null);
        await host.Deals.CaptureAsync(other, new CaptureRequest("Someone else's"));

        var mine = await host.Queries.MyOpenDealsAsync(rep);
        Assert.Equal(["Hot", "Cold sooner", "Cold later", "Cold undated"], mine.Select(d => d.Name));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TeamsAndManagersSeeTheirDealsAndNobodyElseDoes(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var director = await host.RepAsync("director");
        var manager = await host.RepAsync("manager", manager: "director");
        var rep = await host.RepAsync("rep", team: "north", manager: "manager");
        var teammate = await host.RepAsync("teammate", team: "north");
        var outsider = await host.RepAsync("outsider", team: "south");
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Litware expansion"));

        foreach (var viewer in new[] { rep, teammate, manager, director })
        {
            Assert.Equal(deal.Id, (await host.Queries.FindByNameAsync(viewer, "litware")).Single?.Id);
        }
        Assert.Equal(DealMatchOutcome.None, (await host.Queries.FindByNameAsync(outsider, "litware")).Outcome);
        await Assert.ThrowsAsync<NotFoundException>(() => host.Deals.MoveStageAsync(outsider, deal.Id, null, Stage.Qualify));
        await host.Deals.MoveStageAsync(teammate, deal.Id, null, Stage.Qualify);
        await host.Deals.AssignOwnerAsync(manager, deal.Id, null, "teammate");
        Assert.Equal("teammate", (await host.Queries.DetailAsync(rep, deal.Id)).Deal.OwnerId);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AnAmbiguousNameIsReportedWithTheCandidates(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-1");
        await host.Deals.CaptureAsync(rep, new CaptureRequest("Contoso Ltd – 50 seats"));
        await host.Deals.CaptureAsync(rep, new CaptureRequest("Contoso renewal"));
        await host.Deals.CaptureAsync(rep, new CaptureRequest("Fabrikam"));

        var match = await host.Queries.FindByNameAsync(rep, "contoso");
        Assert.Equal(DealMatchOutcome.Ambiguous, match.Outcome);
        Assert.Equal(2, match.Candidates.Count);
        Assert.Equal("Contoso Ltd – 50 seats", (await host.Queries.FindByNameAsync(rep, "contoso ltd")).Single?.Name);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task CaptureRecordsItsSourceForEveryChannel(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-1");
        var form = await host.Deals.CaptureFromWebFormAsync(rep, new WebFormSubmission("Contact us", "buyer@tailspin.com", "Buyer", "Tailspin", "Need 20 seats", "/pricing",
            new Dictionary<string, string> { ["utm_source"] = "google" }));
        var row = await host.Deals.CaptureFromImportRowAsync(rep, new ImportRow("expo-2026.csv", 7, "Expo lead", "visitor@proseware.com", "Visitor", "Proseware", 9_000m, "EUR", null));
        var referral = await host.Deals.CaptureAsync(rep, new CaptureRequest("Referral") { Source = CaptureSource.Referral, ReferredBy = "Wang Fang" });

        Assert.Equal(CaptureSource.WebForm, form.Source);
        Assert.Contains("utm_source=google", form.SourceDetail);
        Assert.Equal("expo-2026.csv:7", row.SourceDetail);
        Assert.Equal("EUR", row.Currency);
        Assert.Equal("Wang Fang", referral.ReferredBy);
        var formDetail = await host.Queries.DetailAsync(rep, form.Id);
        Assert.Equal("Tailspin", formDetail.Account?.Name);
        Assert.Single(formDetail.Timeline, e => e.Kind == TimelineEntryKind.Interaction);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ARefusedTransitionSavesNothing(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-1");
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Unqualified"));
        var error = await Assert.ThrowsAsync<DomainException>(() => host.Deals.MoveStageAsync(rep, deal.Id, deal.Version, Stage.Proposal));
        Assert.Equal("bant_below_threshold", error.Error.Code);
        var detail = await host.Queries.DetailAsync(rep, deal.Id);
        Assert.Equal(Stage.New, detail.Deal.Stage);
        Assert.Equal(1, detail.Deal.Version);
    }
}
