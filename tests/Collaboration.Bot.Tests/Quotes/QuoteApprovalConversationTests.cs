using System.Text.Json.Nodes;
using Collaboration.Bot.Quotes;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Quotes;
using Collaboration.Testing;
using Collaboration.Testing.Node;
using Microsoft.EntityFrameworkCore;
using static Collaboration.Bot.Tests.Quotes.QuoteConversationTests;

namespace Collaboration.Bot.Tests.Quotes;

/// <summary>
/// Discount approval through the outbox: the manager gets the approval card in their chat, only they may decide, and
/// their decision updates the rep's quote card in place (a PUT the local Connector sees) and goes on the timeline.
/// </summary>
public sealed class QuoteApprovalConversationTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task TheManagerApprovesInTheirChatAndTheRepsQuoteCardIsUpdatedInPlace(DatabaseKind kind)
    {
        await using var host = await BotConversationHost.StartAsync(kind, new Dictionary<string, string?> { ["Addin:BaseUrl"] = "https://crm.example/app" });
        await AddProductsAsync(host);
        await host.SayAsync(Alex, "help");
        await host.SayAsync(Megan, "new deal Contoso <b> $50k close 2026-12-15");
        await OrganisationConversationTests.PlaceAsync(host, Megan.ObjectId, "East", Alex.ObjectId);
        await host.SayAsync(Megan, "Contoso add 10 Pro licence");
        await host.SayAsync(Megan, "Contoso discount 15%");

        var before = host.Connector.Requests.Count;
        var asked = Assert.Single(await host.SayAsync(Megan, "send quote Contoso"));
        Assert.Contains("Sent to Alex Wilber for approval of the discount.", CardReader.Text(asked));
        var open = CardReader.Walk(asked).Single(o => o["type"]?.GetValue<string>() == "Action.OpenUrl");
        var quote = await QuoteAsync(host, "Contoso <b>");
        Assert.Equal($"https://crm.example/app/deals/{quote.OpportunityId:D}", open["url"]!.GetValue<string>());
        var repCard = host.RequestsSince(before).Single(r => r.IsSend);
        var repCardId = $"activity-{repCard.Number}";

        // The dispatcher plans the approval for the manager the use case named; the sender posts it to the manager's chat.
        var sent = host.Connector.Requests.Count;
        Assert.Equal(1, await NotificationConversationTests.PumpAsync(host));
        var toManager = host.RequestsSince(sent).Single(r => r.IsSend);
        Assert.Contains(Uri.EscapeDataString(Alex.ConversationId), toManager.RawTarget);
        var approval = BotConversationHost.CardOf(toManager)!;
        var text = CardReader.Text(approval);
        Assert.Contains("Megan \\*Bowen\\* asks you to approve quote 1 of Contoso \\<b\\>.", text);
        Assert.Contains("15%", text);
        Assert.Contains("**1,020.00 USD**", text);
        Assert.Contains(CardReader.Walk(approval), o => o["type"]?.GetValue<string>() == "Input.Text" && o["id"]?.GetValue<string>() == QuoteVerbs.Comment);
        await CardValidator.EnsureValidAsync(approval);
        var approve = CardReader.Action(approval, QuoteVerbs.Approve);
        Assert.Equal(quote.Version, approve["data"]![Collaboration.Bot.Cards.CardData.Version]!.GetValue<int>());

        // The rep cannot approve their own discount, and a stranger cannot even see the deal: nothing changes.
        Assert.Contains("Only the manager asked to approve this quote can decide on it.", CardReader.Text((await host.ClickAsync(Megan, approve)).Card));
        Assert.Contains("That deal was not found.", CardReader.Text((await host.ClickAsync(new TestUser("aad-sam", "Sam Stranger"), approve)).Card));
        Assert.Equal(QuoteStatus.AwaitingApproval, (await QuoteAsync(host, "Contoso <b>")).Status);

        var decided = await host.ClickAsync(Alex, approve, new Dictionary<string, string> { [QuoteVerbs.Comment] = "Fine *this once*" }, replyToId: "approval-card");
        Assert.Contains("You approved quote 1 of Contoso \\<b\\>.", CardReader.Text(decided.Card));
        Assert.False(CardReader.HasAction(decided.Card, QuoteVerbs.Approve));
        Assert.Equal(QuoteStatus.Approved, (await QuoteAsync(host, "Contoso <b>")).Status);
        await CardValidator.EnsureValidAsync(decided.Card);

        // The decision reaches the rep: their quote card, where the bot posted it, is replaced (PUT), not posted anew.
        var afterDecision = host.Connector.Requests.Count;
        Assert.Equal(1, await NotificationConversationTests.PumpAsync(host));
        var update = host.RequestsSince(afterDecision).Single(r => r.Method == "PUT");
        Assert.EndsWith($"/v3/conversations/{Uri.EscapeDataString(Megan.ConversationId)}/activities/{repCardId}", update.RawTarget);
        Assert.DoesNotContain(host.RequestsSince(afterDecision), r => r.IsSend);
        var updated = BotConversationHost.CardOf(update)!;
        var repText = CardReader.Text(updated);
        Assert.Contains("Alex Wilber approved the discount. The quote can be sent now.", repText);
        Assert.Contains("Comment: Fine \\*this once\\*", repText);
        Assert.True(CardReader.HasAction(updated, QuoteVerbs.MarkSent));
        await CardValidator.EnsureValidAsync(updated);

        // A second click on the manager's old card is late: it says so and changes nothing.
        var again = await host.ClickAsync(Alex, CardReader.Action(approval, QuoteVerbs.Reject));
        Assert.Contains("no longer waiting for your approval", CardReader.Text(again.Card));
        var final = await QuoteAsync(host, "Contoso <b>");
        Assert.Equal((QuoteStatus.Approved, "Fine *this once*"), (final.Status, final.Decision!.Comment));

        await using var db = host.Db.Database.Open("tenant-a");
        var timeline = await db.OpportunityChanges.AsNoTracking().Where(c => c.OpportunityId == final.OpportunityId && c.Field == ChangedField.Quote).ToListAsync();
        Assert.Contains(timeline, c => c.NewValue == "approved" && c.ChangedBy == Alex.ObjectId);
        Assert.All(await db.Deliveries.AsNoTracking().ToListAsync(), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task WithoutAKnownCardTheRejectionIsPostedToTheRepsChatInChinese()
    {
        await using var host = await BotConversationHost.StartAsync();
        await AddProductsAsync(host);
        await host.SayAsync(Wang, "帮助");
        await host.SayAsync(Li, "新商机 华为 ¥10万 成交 2026-12-30");
        await OrganisationConversationTests.PlaceAsync(host, Li.ObjectId, "East", Wang.ObjectId);
        await host.SayAsync(Li, "华为 添加 10 Pro licence");
        await host.SayAsync(Li, "华为 折扣 20%");
        await host.SayAsync(Li, "发送报价 华为");
        await using (var db = host.Db.Database.Open("tenant-a")) await db.QuoteCardMessages.ExecuteDeleteAsync();

        var sent = host.Connector.Requests.Count;
        await NotificationConversationTests.PumpAsync(host);
        var approval = BotConversationHost.CardOf(host.RequestsSince(sent).Single(r => r.IsSend))!;
        Assert.Contains("李雷 请您审批 华为 的报价单 1。", CardReader.Text(approval));
        await CardValidator.EnsureValidAsync(approval);

        var rejected = await host.ClickAsync(Wang, CardReader.Action(approval, QuoteVerbs.Reject), new Dictionary<string, string> { [QuoteVerbs.Comment] = "最多 10%" });
        Assert.Contains("您已驳回 华为 的报价单 1", CardReader.Text(rejected.Card));
        var afterDecision = host.Connector.Requests.Count;
        await NotificationConversationTests.PumpAsync(host);
        var posted = host.RequestsSince(afterDecision).Single(r => r.IsSend);
        Assert.Contains(Uri.EscapeDataString(Li.ConversationId), posted.RawTarget);
        var text = CardReader.Text(BotConversationHost.CardOf(posted)!);
        Assert.Contains("王芳 驳回了折扣，报价单已退回草稿。", text);
        Assert.Contains("备注：最多 10%", text);
        Assert.Contains("草稿", text);
        Assert.Equal(QuoteStatus.Draft, (await QuoteAsync(host, "华为")).Status);
    }
}
