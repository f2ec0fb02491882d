namespace Collaboration.Application.Nurture;

/// <summary>An email step of a deal in <paramref name="TenantId"/>, ready to go out from the rep's mailbox.</summary>
public sealed record FollowUpEmail(string TenantId, string RepObjectId, string To, string Subject, string Body);

/// <summary>Sends a follow-up plan's email steps; when <see cref="IsEnabled"/> is false email steps are only reminders.</summary>
public interface IFollowUpMailer
{
    bool IsEnabled { get; }

    /// <summary>Sends the email or throws.</summary>
    Task SendAsync(FollowUpEmail email, CancellationToken ct);
}

/// <summary>The default: sends nothing.</summary>
public sealed class NoFollowUpMailer : IFollowUpMailer
{
    public bool IsEnabled => false;

    public Task SendAsync(FollowUpEmail email, CancellationToken ct) => throw new InvalidOperationException("Follow-up mail is off.");
}

/// <summary>Settings under <c>FollowUpMail</c>; the Graph address is <c>Graph:BaseUrl</c>.</summary>
public sealed class FollowUpMailOptions
{
    public const string Section = "FollowUpMail";

    public bool Enabled { get; set; }

    /// <summary>
    /// The Entra tenant of the app (the app needs the Mail.Send application permission), and the only CRM tenant whose
    /// deals get follow-up mail: the app-only token can send as any mailbox of this tenant, never for another's deals.
    /// </summary>
    public string TenantId { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    public string Authority { get; set; } = "https://login.microsoftonline.com/";

    public string Scope { get; set; } = "https://graph.microsoft.com/.default";

    /// <summary><c>Graph:BaseUrl</c>.</summary>
    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";
}

/// <summary>App-only Graph tokens for sending follow-up mail.</summary>
public interface IFollowUpMailToken
{
    Task<string> GetTokenAsync(CancellationToken ct);
}
