using System.Text.Json.Nodes;
using Collaboration.Application;
using Collaboration.Application.Opportunities;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Deals;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Domain.Common;

namespace Collaboration.Bot.MessageExtensions;

/// <summary>
/// The search command (<see cref="ExtensionInvoke.SearchCommand"/>) and link unfurling: both answer with deal cards the
/// rep may insert into any chat, drawn for the rep who searched or pasted, from the deals that rep may see. The cards'
/// buttons then work for whoever presses them, under that person's own visibility (the ordinary card-click path).
/// </summary>
public sealed class DealSearchExtension(DealSearch search, DealViews views)
{
    public async Task<InvokeResponse> QueryAsync(Activity activity, Actor actor, CardContext context, CancellationToken ct)
    {
        if (ExtensionInvoke.CommandId(activity) is { } command && command != ExtensionInvoke.SearchCommand)
        {
            return ExtensionResponses.Message(BotTexts.T("msgext.unknown_command", context.Locale, ("command", command)));
        }
        if (ExtensionInvoke.SearchText(activity) is not { } words) return ExtensionResponses.Result([]);
        var limit = Math.Min(ExtensionInvoke.RequestedCount(activity) ?? DealSearch.MaxResults, DealSearch.MaxResults);
        var found = await search.SearchAsync(actor, words, limit, ct);
        var attachments = new List<JsonObject>(found.Count);
        foreach (var deal in found)
        {
            attachments.Add(Attachment(await views.LoadAsync(actor, deal.Id, ct), context));
        }
        return ExtensionResponses.Result(attachments);
    }

    /// <summary>A deal link becomes the deal card for someone who may see the deal; any other link, or a deal hidden from them, stays a link.</summary>
    public async Task<InvokeResponse> UnfurlAsync(Activity activity, Actor actor, CardContext context, CancellationToken ct)
    {
        if (ExtensionInvoke.LinkedDeal(activity) is not { } id) return ExtensionResponses.Result([]);
        try
        {
            return ExtensionResponses.Result([Attachment(await views.LoadAsync(actor, id, ct), context)]);
        }
        catch (NotFoundException)
        {
            return ExtensionResponses.Result([]);
        }
    }

    private static JsonObject Attachment(DealView view, CardContext context) =>
        ExtensionResponses.Attachment(DealCards.Deal(view, context), ExtensionCards.Preview(view, context.Locale));
}
