using System.Text.Json;
using System.Text.RegularExpressions;
using Collaboration.Application.Capture;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Infrastructure.Capture;

namespace Collaboration.Bot.MessageExtensions;

/// <summary>
/// What Teams sends a message extension (<c>composeExtension/*</c> invokes), read defensively: any field may be missing
/// or of another type, and every text a user controls is bounded before anything else looks at it.
/// </summary>
public static partial class ExtensionInvoke
{
    public const string Prefix = "composeExtension/";
    public const string Query = "composeExtension/query";
    public const string QueryLink = "composeExtension/queryLink";
    public const string FetchTask = "composeExtension/fetchTask";
    public const string SubmitAction = "composeExtension/submitAction";

    /// <summary>The search command's id in the app manifest.</summary>
    public const string SearchCommand = "searchDeals";

    /// <summary>The message action's id in the app manifest.</summary>
    public const string LogCommand = "logToDeal";

    /// <summary>Characters kept of a chat message logged to a deal (its text, after the markup is gone).</summary>
    public const int MaxMessageText = 4_000;

    /// <summary>Characters of a chat message's HTML read at all; Teams' markup is a few times its text.</summary>
    public const int MaxMessageHtml = 64_000;

    private const int MaxIdLength = 200;
    private const int MaxUrlLength = 2_048;

    private static readonly EmailContentLimits MessageLimits = new() { MaxHtmlChars = MaxMessageHtml, MaxTextChars = MaxMessageText, MaxElements = 500 };

    public static bool IsExtension(Activity activity) =>
        activity.IsInvoke && activity.Name?.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) == true;

    public static string? CommandId(Activity activity) => Bounded(String(Value(activity), "commandId"), MaxIdLength);

    /// <summary>
    /// The words typed into the search box; empty for Teams' initial run (<c>initialRun</c> = true) or no words; null
    /// when the invoke carries no parameters at all (not a search Teams sends).
    /// </summary>
    public static string? SearchText(Activity activity)
    {
        if (Value(activity) is not { } value || !value.TryGetProperty("parameters", out var parameters) || parameters.ValueKind != JsonValueKind.Array) return null;
        foreach (var parameter in parameters.EnumerateArray())
        {
            if (parameter.ValueKind != JsonValueKind.Object) continue;
            if (String(parameter, "name") == "initialRun") return "";
            if (String(parameter, "value") is { } text) return Application.Opportunities.DealSearch.Bound(text);
        }
        return "";
    }

    /// <summary>Requested result count (<c>queryOptions.count</c>), when it is a sensible number.</summary>
    public static int? RequestedCount(Activity activity) =>
        Value(activity) is { } value && value.TryGetProperty("queryOptions", out var options) && options.ValueKind == JsonValueKind.Object
        && options.TryGetProperty("count", out var count) && count.ValueKind == JsonValueKind.Number && count.TryGetInt32(out var n) && n > 0 ? n : null;

    /// <summary>The deal a pasted link names: <c>https://host[/prefix]/deals/{id}</c>; null for any other link.</summary>
    public static Guid? LinkedDeal(Activity activity)
    {
        var url = String(Value(activity), "url");
        if (url is null || url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var link) || link.Scheme is not ("https" or "http")) return null;
        var match = DealPath().Match(link.AbsolutePath);
        return match.Success && Guid.TryParse(match.Groups["id"].Value, out var id) ? id : null;
    }

    /// <summary>The chat message a message action was started from: its id, its author's Entra id and its text without markup.</summary>
    public static ChatMessage? Message(Activity activity)
    {
        if (Value(activity) is not { } value || !value.TryGetProperty("messagePayload", out var payload) || payload.ValueKind != JsonValueKind.Object) return null;
        var text = "";
        if (payload.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object && String(body, "content") is { } content)
        {
            text = String(body, "contentType") is { } type && type.Equals("text", StringComparison.OrdinalIgnoreCase)
                ? EmailContent.TextFromPlain(content, MessageLimits)
                : EmailContent.TextFromHtml(MentionTag().Replace(Bounded(content, MaxMessageHtml)!, ""), MessageLimits);
        }
        string? author = null;
        if (payload.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object
            && from.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object)
        {
            author = Bounded(String(user, "id"), MaxIdLength);
        }
        return new ChatMessage(Bounded(String(payload, "id"), MaxIdLength), author, Bounded(text, MaxMessageText) ?? "");
    }

    /// <summary>The form the rep submitted (<c>value.data</c>): the chosen deal, or words of its name, and the text to log.</summary>
    public static SubmittedLog Submitted(Activity activity)
    {
        var data = Value(activity) is { } value && value.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : (JsonElement?)null;
        var dealId = Guid.TryParse(String(data, ExtensionCards.DealInput), out var id) ? id : (Guid?)null;
        var text = String(data, ExtensionCards.TextInput) is { } typed ? EmailContent.TextFromPlain(typed, MessageLimits) : "";
        return new SubmittedLog(dealId, Application.Opportunities.DealSearch.Bound(String(data, ExtensionCards.DealNameInput)),
            Bounded(text, MaxMessageText) ?? "", Bounded(String(data, ExtensionCards.MessageIdData), MaxIdLength));
    }

    private static JsonElement? Value(Activity activity) => activity.Value is { ValueKind: JsonValueKind.Object } value ? value : null;

    private static string? String(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String
            && p.GetString() is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    private static string? Bounded(string? text, int max) =>
        text is null ? null : text.Length <= max ? text : text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];

    /// <summary>Teams' mention markup (<c>&lt;at id="0"&gt;Priya&lt;/at&gt;</c>): the tag goes, the name stays as text.</summary>
    [GeneratedRegex(@"</?at\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MentionTag();

    [GeneratedRegex(@"/deals/(?<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/?$", RegexOptions.CultureInvariant)]
    private static partial Regex DealPath();
}

/// <summary>A chat message a rep logs to a deal.</summary>
public sealed record ChatMessage(string? Id, string? AuthorObjectId, string Text);

/// <summary>The "Log to deal" form as submitted.</summary>
public sealed record SubmittedLog(Guid? DealId, string DealName, string Text, string? MessageId);
