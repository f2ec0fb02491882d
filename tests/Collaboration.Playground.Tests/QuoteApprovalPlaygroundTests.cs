using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.Bot.Quotes;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Quotes;
using Collaboration.Testing.Playground;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Playground.Tests;

/// <summary>
/// Issue 19's discount approval in the real Agents Playground: a rep (another user of the Playground's tenant) builds
/// and submits a quote in the group chat, the manager (the Playground's current user) gets the approval card in their
/// own chat with the bot and approves it there, and the rep's quote card in the group chat is updated in place.
/// </summary>
public sealed class QuoteApprovalPlaygroundTests(CrmBotPlaygroundFixture fixture) : IClassFixture<CrmBotPlaygroundFixture>
{
    private static readonly TimeSpan NotificationWait = TimeSpan.FromSeconds(40);

    private AgentsPlayground Playground => fixture.Playground;

    [Fact]
    public async Task TheRepSubmitsInChatTheManagerApprovesInTheirOwnChatAndTheRepsCardUpdates()
    {
        var tenant = Playground.Config.TenantId;
        var manager = Playground.Config.CurrentUser;
        var groupChat = Playground.Config.GroupChats.Count > 0 ? Playground.Config.GroupChats[0] : throw new InvalidOperationException("The Playground has no group chat.");
        using var http = new HttpClient { BaseAddress = Playground.BaseAddress };
        var rep = await OtherUserAsync(http, manager.Id);

        // The manager talks to the bot once, so the bot knows their personal chat.
        var since = Playground.LastSequence;
        await Playground.SendMessageAsync("help");
        await Playground.WaitForBotMessageAsync(m => m.Sequence > since && m.ConversationId == Playground.ConversationId);

        await RepSaysAsync(http, groupChat.Id, rep, "new deal Lakeshore $20k", "Deal created.");
        await using (var db = fixture.Db.Database.Open(tenant))
        {
            var user = await db.Users.SingleAsync(u => u.ObjectId == rep.AadObjectId);
            user.PlaceInTeam("playground-east", manager.AadObjectId);
            await db.SaveChangesAsync();
        }
        await RepSaysAsync(http, groupChat.Id, rep, "Lakeshore add 10 Seat at 100", "Line added.");
        await RepSaysAsync(http, groupChat.Id, rep, "Lakeshore discount 20%", "Every line now has a 20% discount.");
        var repCard = await RepSaysAsync(http, groupChat.Id, rep, "send quote Lakeshore", "for approval of the discount");
        Assert.Contains("Awaiting approval", Cards.Text(Cards.Of(repCard)));

        // The approval card reaches the manager's own chat through the outbox and the delivery sender.
        var approvalMessage = await Playground.WaitForBotMessageAsync(m => m.ConversationId == Playground.ConversationId && m.AdaptiveCard is { } c
            && Cards.Text(Cards.Parse(c)).Contains("asks you to approve quote 1 of Lakeshore", StringComparison.Ordinal), NotificationWait);
        var approval = Cards.Of(approvalMessage);
        Assert.Contains("20%", Cards.Text(approval));
        Assert.Contains("800.00 USD", Cards.Text(approval));

        var approve = Cards.Execute(approval, QuoteVerbs.Approve);
        var data = approve["data"]!.DeepClone().AsObject();
        data[QuoteVerbs.Comment] = "Approved for the pilot";
        var answer = await Playground.ExecuteAsync(QuoteVerbs.Approve, data, approvalMessage.MessageId);
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer.GetProperty("type").GetString());
        Assert.Contains("You approved quote 1 of Lakeshore.", Cards.Text(Cards.Parse(answer.GetProperty("value"))));

        // The rep's card in the group chat is replaced (the bot PUT that very message), now approved and sendable.
        var updated = await Playground.WaitForBotMessageAsync(m => m.Kind == PlaygroundMessageKind.Updated && m.MessageId == repCard.MessageId
            && m.AdaptiveCard is { } c && Cards.Text(Cards.Parse(c)).Contains("approved the discount", StringComparison.Ordinal), NotificationWait);
        Assert.Equal(groupChat.Id, updated.ConversationId);
        var updatedCard = Cards.Of(updated);
        Assert.Contains("Comment: Approved for the pilot", Cards.Text(updatedCard));
        Assert.True(Cards.HasExecute(updatedCard, QuoteVerbs.MarkSent));

        await using var check = fixture.Db.Database.Open(tenant);
        var deal = await check.Opportunities.AsNoTracking().SingleAsync(o => o.Name == "Lakeshore");
        var quote = await check.Quotes.AsNoTracking().SingleAsync(q => q.OpportunityId == deal.Id);
        Assert.Equal(QuoteStatus.Approved, quote.Status);
        Assert.True(await check.OpportunityChanges.AnyAsync(c => c.OpportunityId == deal.Id && c.Field == ChangedField.Quote && c.NewValue == "approved"
            && c.ChangedBy == manager.AadObjectId));
    }

    /// <summary>A user of the Playground's tenant other than the current one (the Playground lists five).</summary>
    private static async Task<PlaygroundAccount> OtherUserAsync(HttpClient http, string currentUserId)
    {
        var config = (await http.GetFromJsonAsync<JsonElement>("_internal/v1/config")).GetProperty("config");
        return config.GetProperty("users").EnumerateArray()
            .Select(u => new PlaygroundAccount(u.GetProperty("id").GetString()!, u.TryGetProperty("name", out var n) ? n.GetString() : null,
                u.TryGetProperty("aadObjectId", out var a) ? a.GetString() : null))
            .First(u => u.Id != currentUserId && !string.IsNullOrEmpty(u.AadObjectId));
    }

    /// <summary>The rep types in the group chat (a custom activity from the Playground's own template) and waits for the bot's card there.</summary>
    private async Task<PlaygroundMessage> RepSaysAsync(HttpClient http, string chatId, PlaygroundAccount rep, string text, string expect)
    {
        var since = Playground.LastSequence;
        var activity = await http.GetFromJsonAsync<JsonObject>($"_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(chatId)}")
            ?? throw new InvalidOperationException("The Playground returned no custom activity template.");
        activity["type"] = "message";
        activity["text"] = text;
        activity["textFormat"] = "plain";
        activity["from"] = new JsonObject { ["id"] = rep.Id, ["name"] = rep.Name, ["aadObjectId"] = rep.AadObjectId };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Playground.Config.TenantId } };
        var response = await http.PostAsJsonAsync("_internal/v1/customActivities", activity);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await Playground.WaitForBotMessageAsync(m => m.Sequence > since && m.ConversationId == chatId && m.Kind == PlaygroundMessageKind.Created
            && m.AdaptiveCard is { } card && Cards.Text(Cards.Parse(card)).Contains(expect, StringComparison.Ordinal));
    }
}
