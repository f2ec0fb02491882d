namespace Collaboration.Bot.Notifications;

/// <summary>Settings under <c>Notifications:Teams</c>.</summary>
public sealed class TeamsNotificationOptions
{
    public const string Section = "Notifications:Teams";

    /// <summary>The bot's app id for proactive conversations; defaults to <c>MicrosoftAppId</c>.</summary>
    public string? BotId { get; set; }

    /// <summary>Used to start a 1:1 conversation in a tenant where no reference gives one.</summary>
    public string? ServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";
}
