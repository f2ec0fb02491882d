using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Bot.Tests;

/// <summary>Editing a deal by chat, one change per message: the real host, a real database, a local Bot Connector.</summary>
public sealed class DealEditConversationTests
{
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");
    private static readonly TestUser Li = new("aad-li", "李雷", Locale: "zh-CN");
    private static readonly TestUser Priya = new("6f1c2a5e-0d7b-4c1e-9a53-2f1f0c3b8d11", "Priya Raman");

    [Fact]
    public async Task AnAmountWithACurrencySetsBothAndWritesHistory()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso");

        var card = CardReader.Text((await host.SayAsync(Alex, "Contoso amount 48k EUR"))[0]);

        Assert.Contains("Amount updated.", card);
        await using var db = host.Db.Database.Open("tenant-a");
        var deal = await db.Opportunities.SingleAsync();
        Assert.Equal(48_000m, deal.Amount);
        Assert.Equal("EUR", deal.Currency);
        var changes = await db.OpportunityChanges.Where(c => c.Field == ChangedField.Amount || c.Field == ChangedField.Currency).ToListAsync();
        var amount = Assert.Single(changes, c => c.Field == ChangedField.Amount);
        Assert.Null(amount.OldValue);
        Assert.Contains("48000", amount.NewValue);
        Assert.Equal("aad-alex", amount.ChangedBy);
        Assert.Equal(ChangeSurface.Teams, amount.Surface);
        Assert.Equal("EUR", Assert.Single(changes, c => c.Field == ChangedField.Currency).NewValue);
    }

    [Fact]
    public async Task AChineseAmountIsReadAndAnsweredInChinese()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Li, "新商机 Contoso");

        var card = CardReader.Text((await host.SayAsync(Li, "Contoso 金额 4.8万"))[0]);

        Assert.Contains("金额已更新。", card);
        Assert.DoesNotContain("Amount updated", card);
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Equal(48_000m, (await db.Opportunities.SingleAsync()).Amount);
    }

    [Fact]
    public async Task ARelativeCloseDateIsResolvedInTheRepsTimeZone()
    {
        // Thursday evening in UTC is already Friday morning in Shanghai, so "next friday" is a week later there.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 20, 0, 0, TimeSpan.Zero));
        await using var host = await BotConversationHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        await host.SayAsync(Alex, "new deal Contoso");

        var before = host.Connector.Requests.Count;
        var message = host.Activity(Alex, "message");
        message["text"] = "Contoso closes next friday";
        message["localTimezone"] = "Asia/Shanghai";
        await host.PostAsync(message);
        var card = CardReader.Text(host.CardsSentSince(before)[0]);

        Assert.Contains("Close date set to", card);
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Equal(new DateOnly(2026, 12, 11), (await db.Opportunities.SingleAsync()).CloseDate);
    }

    [Fact]
    public async Task ALostDealIsReopenedWithAReasonIntoTheStageItClosedFrom()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso 120k");
        await host.SayAsync(Alex, "lost contoso price");

        var withoutReason = CardReader.Text((await host.SayAsync(Alex, "reopen Contoso"))[0]);
        await using (var db = host.Db.Database.Open("tenant-a"))
        {
            Assert.Equal(Stage.Lost, (await db.Opportunities.SingleAsync()).Stage);
        }
        var reopened = CardReader.Text((await host.SayAsync(Alex, "reopen Contoso: budget approved after all"))[0]);

        Assert.Contains("Reopen Contoso?", withoutReason);
        Assert.Contains("Deal reopened.", reopened);
        await using var after = host.Db.Database.Open("tenant-a");
        var deal = await after.Opportunities.SingleAsync();
        Assert.Equal(Stage.New, deal.Stage);
        Assert.Contains(await after.OpportunityChanges.Where(c => c.Field == ChangedField.Stage).ToListAsync(),
            c => c.NewValue == Stage.New.Key() && c.Reason == "budget approved after all");
    }

    [Fact]
    public async Task RenamingADealChangesItsNameAndRecordsTheOldOne()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso");

        var card = CardReader.Text((await host.SayAsync(Alex, "rename Contoso to Contoso – 80 seats"))[0]);

        Assert.Contains("Deal renamed.", card);
        Assert.Contains("Contoso – 80 seats", card);
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Equal("Contoso – 80 seats", (await db.Opportunities.SingleAsync()).Name);
        var change = await db.OpportunityChanges.SingleAsync(c => c.Field == ChangedField.Name);
        Assert.Equal("Contoso", change.OldValue);
    }

    [Fact]
    public async Task ProbabilityAutoGivesTheProbabilityBackToTheStage()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso");
        await using var db = host.Db.Database.Open("tenant-a");
        var stageDefault = (await db.Opportunities.AsNoTracking().SingleAsync()).Probability;

        var set = CardReader.Text((await host.SayAsync(Alex, "Contoso probability 60"))[0]);
        var manual = await db.Opportunities.AsNoTracking().SingleAsync();
        var auto = CardReader.Text((await host.SayAsync(Alex, "Contoso probability auto"))[0]);
        var back = await db.Opportunities.AsNoTracking().SingleAsync();

        Assert.Contains("Probability updated.", set);
        Assert.Equal(60, manual.ManualProbability);
        Assert.Equal(60, manual.Probability);
        Assert.Contains("Probability follows the stage again.", auto);
        Assert.Null(back.ManualProbability);
        Assert.Equal(stageDefault, back.Probability);
    }

    [Theory]
    [InlineData("Contoso probability 150", "Probability: \"150\" could not be read")]
    [InlineData("Contoso contact priya", "Primary contact: \"priya\" could not be read")]
    [InlineData("assign Contoso to Megan", "@mentioning")]
    public async Task AnUnusableValueAnswersARefusalAndChangesNothing(string text, string refusal)
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso 120k");
        await using var db = host.Db.Database.Open("tenant-a");
        var before = await db.Opportunities.AsNoTracking().SingleAsync();
        var changes = await db.OpportunityChanges.CountAsync();

        var card = CardReader.Text((await host.SayAsync(Alex, text))[0]);

        Assert.Contains(refusal, card);
        var after = await db.Opportunities.AsNoTracking().SingleAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Probability, after.Probability);
        Assert.Equal(before.OwnerId, after.OwnerId);
        Assert.Equal(changes, await db.OpportunityChanges.CountAsync());
    }
    [Fact]
    public async Task ANextStepIsSavedWithItsDueDate()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = await BotConversationHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        await host.SayAsync(Alex, "new deal Contoso");

        var card = CardReader.Text((await host.SayAsync(Alex, "Contoso next step send pricing by friday"))[0]);

        Assert.Contains("Next step saved.", card);
        await using var db = host.Db.Database.Open("tenant-a");
        var deal = await db.Opportunities.SingleAsync();
        Assert.Equal("send pricing", deal.NextStep);
        Assert.Equal(new DateOnly(2026, 12, 4), deal.NextFollowUpOn);
        Assert.Single(await db.OpportunityChanges.Where(c => c.Field == ChangedField.NextStep).ToListAsync());
    }

    [Fact]
    public async Task AFollowUpPlanIsStartedAndStoppedByChat()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso");

        var started = CardReader.Text((await host.SayAsync(Alex, "Contoso start plan standard"))[0]);
        var twice = CardReader.Text((await host.SayAsync(Alex, "Contoso start plan standard"))[0]);
        var stopped = CardReader.Text((await host.SayAsync(Alex, "Contoso stop plan"))[0]);

        Assert.Contains("Follow-up plan \"standard\" started.", started);
        Assert.Contains("already follows the plan", twice);
        Assert.Contains("Follow-up plan \"standard\" stopped.", stopped);
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Single(await db.FollowUpEnrolments.ToListAsync());
    }
    [Fact]
    public async Task AssigningToAMentionedTeammateMakesThemTheOwner()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "help");
        await host.SayAsync(Priya, "help");
        await using (var db = host.Db.Database.Open("tenant-a"))
        {
            foreach (var user in await db.Users.ToListAsync()) user.PlaceInTeam("East", null);
            await db.SaveChangesAsync();
        }
        await host.SayAsync(Alex, "new deal Contoso");

        var before = host.Connector.Requests.Count;
        var message = host.Activity(Alex, "message");
        message["text"] = "assign Contoso to <at>Priya Raman</at>";
        message["entities"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>Priya Raman</at>",
            ["mentioned"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "29:" + Priya.ObjectId, ["name"] = Priya.Name, ["aadObjectId"] = Priya.ObjectId },
        });
        await host.PostAsync(message);
        var card = CardReader.Text(host.CardsSentSince(before)[0]);

        Assert.Contains("Assigned to Priya Raman.", card);
        await using var check = host.Db.Database.Open("tenant-a");
        Assert.Equal(Priya.ObjectId, (await check.Opportunities.SingleAsync()).OwnerId);
        var change = await check.OpportunityChanges.Where(c => c.Field == ChangedField.Owner).OrderBy(c => c.Id).LastAsync();
        Assert.Equal("aad-alex", change.OldValue);
        Assert.Equal(Priya.ObjectId, change.NewValue);
    }
}
