using Collaboration.Application;
using Collaboration.Application.Quotes;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Domain.Common;
using Collaboration.Testing.Node;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Bot.Tests;

/// <summary>A quote's steps and the contract on the bot's timeline, in the reader's language rather than the words the domain records.</summary>
public sealed class QuoteTimelineWordsTests
{
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");

    [Theory]
    [InlineData("en-US", new[] { "Quote 1 set the amount", "Quote 1 approved", "Quote 1 sent", "Quote 1 declined", "Contract signed 2027-01-15 · 100,000" })]
    [InlineData("zh-CN", new[] { "报价 1 设定了金额", "报价 1 已批准", "报价 1 已发送", "报价 1 被客户拒绝", "合同签署于 2027-01-15 · 100,000" })]
    public async Task QuoteStepsAndTheContractReadInTheRepsLanguageOnTheTimeline(string locale, string[] lines)
    {
        var rep = Alex with { Locale = locale };
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(rep, "new deal Contoso 100k");
        Guid id;
        await using (var db = host.Db.Database.Open("tenant-a")) id = (await db.Opportunities.AsNoTracking().SingleAsync()).Id;
        var quotes = host.Services.GetRequiredService<QuoteService>();
        var actor = new Actor("tenant-a", Alex.ObjectId, ChangeSurface.Teams, locale);
        var quote = await quotes.CreateAsync(actor, id, new QuoteRequest(null, [new QuoteLineRequest(null, "Licences", 10, 12_000m, 0)]));
        await quotes.SubmitAsync(actor, id, quote.Number);
        await quotes.MarkSentAsync(actor, id, quote.Number);
        await quotes.RecordAnswerAsync(actor, id, quote.Number, accepted: false);
        await host.SayAsync(rep, "Contoso contract signed 2027-01-15 for 100k");
        var shown = Assert.Single(await host.SayAsync(rep, "show Contoso"));

        var timeline = await host.ClickAsync(rep, CardReader.Action(shown, CardVerbs.Timeline));

        var text = CardReader.Text(timeline.Card);
        Assert.All(lines, line => Assert.Contains(line, text));
        Assert.DoesNotContain("→ approved", text);
        Assert.DoesNotContain("→ declined", text);
        Assert.Contains(lines[^1], CardReader.Text(shown));
        var results = await CardValidator.ValidateAsync([("timeline", (object)timeline.Card), ("deal", shown)]);
        Assert.All(results, r => Assert.True(r.IsValid, $"{r.Name}: {string.Join("; ", r.Problems)}"));
    }
}
