namespace Collaboration.Bot.Protocol.Connector;

public sealed class ConnectorOptions
{
    /// <summary>Total attempts per call, the first included.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First backoff delay when Teams gives no Retry-After; doubled per attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A Retry-After longer than this is not waited for: the call fails with the throttling status.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);
}
