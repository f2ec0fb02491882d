using System.Security.Claims;

namespace Collaboration.Bot.Protocol.Authentication;

public enum BotTokenSource
{
    None,
    BotConnector,
    Entra,
    DevelopmentLoopback,
}

public sealed class InboundAuthenticationResult
{
    private InboundAuthenticationResult(bool succeeded, ClaimsIdentity identity, BotTokenSource source, string? failureReason)
    {
        Succeeded = succeeded;
        Identity = identity;
        Source = source;
        FailureReason = failureReason;
    }

    public bool Succeeded { get; }

    /// <summary>The validated token's claims; an unauthenticated identity in development mode or on failure.</summary>
    public ClaimsIdentity Identity { get; }

    public BotTokenSource Source { get; }

    public string? FailureReason { get; }

    public static InboundAuthenticationResult Success(ClaimsIdentity identity, BotTokenSource source) => new(true, identity, source, null);

    public static InboundAuthenticationResult Failure(string reason) => new(false, new ClaimsIdentity(), BotTokenSource.None, reason);
}
