namespace Collaboration.Bot.Protocol.Hosting;

public sealed class BotEndpointOptions
{
    /// <summary>Bodies larger than this are refused with 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Sent (best effort) when the handler throws while processing a message; null sends nothing.</summary>
    public string? ErrorMessageText { get; set; } = "Sorry, something went wrong on our side. Please try again in a moment.";

    /// <summary>Message shown on the card when the handler throws while processing an invoke.</summary>
    public string InvokeErrorMessageText { get; set; } = "Something went wrong on our side. Please try again in a moment.";

    public TimeSpan ErrorMessageTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
