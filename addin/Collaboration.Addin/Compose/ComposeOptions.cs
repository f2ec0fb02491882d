namespace Collaboration.Addin.Compose;

/// <summary>Settings under <c>Compose</c>: how long a "log when sent" request waits for its message, and how much one look reads.</summary>
public sealed class ComposeOptions
{
    /// <summary>A message sent later than this after "Log when sent" was pressed is not logged; also how far back Sent Items is read.</summary>
    public TimeSpan LogOnSendLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The most recent sent messages one look at Sent Items reads.</summary>
    public int MaxSentPerLook { get; set; } = 50;

    public static ComposeOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection("Compose").Get<ComposeOptions>() ?? new ComposeOptions();
        if (options.LogOnSendLifetime <= TimeSpan.Zero || options.LogOnSendLifetime > TimeSpan.FromDays(30))
        {
            throw new InvalidOperationException("Compose:LogOnSendLifetime must be more than zero and at most 30 days.");
        }
        if (options.MaxSentPerLook is < 1 or > 500)
        {
            throw new InvalidOperationException("Compose:MaxSentPerLook must be from 1 to 500.");
        }
        return options;
    }
}
