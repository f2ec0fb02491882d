using System.Text.Json.Nodes;
using Collaboration.Application.Quotes;
using Collaboration.Bot.Quotes;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Domain.Products;
using Collaboration.Domain.Quotes;
using Collaboration.Testing.Node;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Bot.Tests.Quotes;

/// <summary>The quote commands, in English and Chinese, in whole conversations on the real host and a real SQLite database.</summary>
public sealed class QuoteConversationTests
{
    internal static readonly TestUser Megan = new("aad-megan", "Megan *Bowen*");
    internal static readonly TestUser Alex = new("aad-alex", "Alex Wilber");
    internal static readonly TestUser Li = new("aad-li", "李雷", Locale: "zh-CN");
    internal static readonly TestUser Wang = new("aad-wang", "王芳", Locale: "zh-CN");

    internal static async Task AddProductsAsync(BotConversationHost host)
    {
        await using var db = host.Db.Database.Open("tenant-a");
        db.Products.Add(new Product("tenant-a", "PRO-LIC", "Pro licence", "seat", [new ProductPrice("USD", 120m), new ProductPrice("CNY", 800m)], true));
        db.Products.Add(new Product("tenant-a", "OLD-LIC", "Old licence", "seat", [new ProductPrice("USD", 50m)], false));
        await db.SaveChangesAsync();
    }

    internal static async Task<Quote> QuoteAsync(BotConversationHost host, string dealName)
    {
        await using var db = host.Db.Database.Open("tenant-a");
        var deal = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Name == dealName);
        return await db.Quotes.AsNoTracking().SingleAsync(q => q.OpportunityId == deal.Id && q.IsCurrent);
    }

    private static string Said(IReadOnlyList<JsonObject> cards) => CardReader.Text(Assert.Single(cards));

    [Fact]
    public async Task ARepBuildsAQuoteInEnglishAndRefusalsChangeNothing()
    {
        await using var host = await BotConversationHost.StartAsync();
        await AddProductsAsync(host);
        await host.SayAsync(Megan, "new deal Contoso $50k close 2026-12-15");

        var started = Assert.Single(await host.SayAsync(Megan, "quote Contoso"));
        Assert.Contains("Quote 1 started in USD.", CardReader.Text(started));
        Assert.Contains("Quote 1 · version 1", CardReader.Text(started));
        Assert.Contains("No line items yet", CardReader.Text(started));

        var product = Said(await host.SayAsync(Megan, "Contoso add 10 Pro licence"));
        Assert.Contains("Line added.", product);
        Assert.Contains("Pro licence (PRO-LIC)", product);
        Assert.Contains("10 × 120.00 USD · discount 0% · 1,200.00 USD", product);
        var own = Said(await host.SayAsync(Megan, "Contoso add 3 Setup *day* at 1200"));
        Assert.Contains(@"Setup \*day\*", own);
        Assert.Contains("4,800.00 USD", own);

        Assert.Contains("There is no product 'Gold plan' in your catalog", Said(await host.SayAsync(Megan, "Contoso add 2 Gold plan")));
        Assert.Contains("There is no product 'old-lic'", Said(await host.SayAsync(Megan, "Contoso add 2 old-lic")));
        Assert.Contains("cannot be 150", Said(await host.SayAsync(Megan, "Contoso discount 150%")));
        Assert.Contains("I found no deal matching", Said(await host.SayAsync(Megan, "Nowhere add 1 Pro licence")));
        var kept = await QuoteAsync(host, "Contoso");
        Assert.Equal((2, 0m, 4800m), (kept.Lines.Count, kept.LargestDiscountPercent, kept.Total));

        var discounted = Said(await host.SayAsync(Megan, "Contoso discount 5%"));
        Assert.Contains("Every line now has a 5% discount.", discounted);
        Assert.Contains("240.00 USD", discounted);
        Assert.Contains("**4,560.00 USD**", discounted);

        var approved = Assert.Single(await host.SayAsync(Megan, "send quote Contoso"));
        Assert.Contains("Approved: the discount is within your company's limit.", CardReader.Text(approved));
        var markSent = CardReader.Action(approved, QuoteVerbs.MarkSent);
        Assert.Equal("Action.Submit", markSent["fallback"]!["type"]!.GetValue<string>());

        var sent = await host.ClickAsync(Megan, markSent);
        Assert.Contains("Marked as sent to the customer.", CardReader.Text(sent.Card));
        Assert.True(CardReader.HasAction(sent.Card, QuoteVerbs.Accepted));
        // The same button again is a click on an older version: it says so and changes nothing.
        var stale = await host.ClickAsync(Megan, markSent);
        Assert.Contains("changed since this card was shown", CardReader.Text(stale.Card));
        var accepted = await host.ClickAsync(Megan, CardReader.Action(sent.Card, QuoteVerbs.Accepted));
        Assert.Contains("The customer accepted the quote.", CardReader.Text(accepted.Card));
        Assert.Equal(QuoteStatus.Accepted, (await QuoteAsync(host, "Contoso")).Status);

        foreach (var card in new[] { started, approved, sent.Card, accepted.Card }) await CardValidator.EnsureValidAsync(card);
    }

    [Fact]
    public async Task ARepBuildsAndSendsAQuoteInChineseAndTheManagerIsAsked()
    {
        await using var host = await BotConversationHost.StartAsync();
        await AddProductsAsync(host);
        await host.SayAsync(Wang, "帮助");
        await host.SayAsync(Li, "新商机 华为 ¥10万 成交 2026-12-30");

        Assert.Contains("已新建报价单 1（CNY）。", Said(await host.SayAsync(Li, "报价 华为")));
        var added = Said(await host.SayAsync(Li, "华为 添加 10 Pro licence"));
        Assert.Contains("已添加明细。", added);
        Assert.Contains("10 × 800.00 CNY", added);
        Assert.Contains("已添加明细。", Said(await host.SayAsync(Li, "华为 添加 2 实施服务 单价 1200")));
        Assert.Contains("产品目录中没有“金牌服务”", Said(await host.SayAsync(Li, "华为 添加 1 金牌服务")));
        var discounted = Assert.Single(await host.SayAsync(Li, "华为 折扣 15%"));
        Assert.Contains("所有明细的折扣已设为 15%。", CardReader.Text(discounted));

        // 15% is above the default 10% threshold: no manager, no approval, nothing changes.
        Assert.Contains("没有你的经理", Said(await host.SayAsync(Li, "发送报价 华为")));
        Assert.Equal(QuoteStatus.Draft, (await QuoteAsync(host, "华为")).Status);

        await Collaboration.Bot.Tests.OrganisationConversationTests.PlaceAsync(host, Li.ObjectId, "East", Wang.ObjectId);
        var asked = Assert.Single(await host.SayAsync(Li, "发送报价 华为"));
        Assert.Contains("已提交给 王芳 审批折扣。", CardReader.Text(asked));
        Assert.Contains("待审批", CardReader.Text(asked));
        Assert.False(CardReader.HasAction(asked, QuoteVerbs.MarkSent));
        Assert.Contains("折扣获批之前不能发送报价", Said(await host.SayAsync(Li, "发送报价 华为")));
        Assert.Equal(QuoteStatus.AwaitingApproval, (await QuoteAsync(host, "华为")).Status);

        await CardValidator.EnsureValidAsync(discounted);
        await CardValidator.EnsureValidAsync(asked);
    }

    [Fact]
    public async Task OverlongLinesAndAFullQuoteAreRefusedAndLoseNothing()
    {
        await using var host = await BotConversationHost.StartAsync();
        await AddProductsAsync(host);
        await host.SayAsync(Megan, "new deal Contoso $50k close 2026-12-15");
        await host.SayAsync(Megan, "Contoso add 1 Pro licence");

        var longName = new string('x', 100_000);
        var started = DateTime.UtcNow;
        Assert.Contains("at most 300 characters", Said(await host.SayAsync(Megan, $"Contoso add 1 {longName} at 5")));
        var manyLines = string.Join("\n", Enumerable.Repeat("Contoso add 1 x at 5", 10_000));
        Assert.Contains("That could not be done", Said(await host.SayAsync(Megan, manyLines)));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
        Assert.Single((await QuoteAsync(host, "Contoso")).Lines);

        // A quote holds at most Quote.MaxLines lines: the next one typed is refused, and the quote keeps what it had.
        var deal = (await QuoteAsync(host, "Contoso")).OpportunityId;
        var actor = new Application.Actor("tenant-a", Megan.ObjectId, Domain.Common.ChangeSurface.Teams);
        var lines = Enumerable.Range(0, Quote.MaxLines).Select(i => new QuoteLineRequest(null, $"Seat {i}", 1, 5, null)).ToList();
        await host.Services.GetRequiredService<QuoteService>().CreateAsync(actor, deal, new QuoteRequest(null, lines));
        Assert.Contains("That could not be done", Said(await host.SayAsync(Megan, "Contoso add 1 Pro licence")));
        var full = await QuoteAsync(host, "Contoso");
        Assert.Equal((2, Quote.MaxLines), (full.Number, full.Lines.Count));
        var card = Assert.Single(await host.SayAsync(Megan, "quote Contoso"));
        Assert.Contains($"…and {Quote.MaxLines - QuoteCard.MaxLinesShown} more lines.", CardReader.Text(card));
        Assert.True(card.ToJsonString().Length < 100_000);
        await CardValidator.EnsureValidAsync(card);
    }
}
