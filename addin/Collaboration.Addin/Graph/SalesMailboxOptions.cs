using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Collaboration.Addin.Emails;
using Collaboration.Application.Capture;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Capture;
using Collaboration.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Collaboration.Addin.Graph;

/// <summary>Settings under <c>SalesMailbox</c>. Off unless <c>SalesMailbox:Enabled</c> and <c>Graph:Enabled</c> are both true.</summary>
public sealed class SalesMailboxOptions
{
    public bool Enabled { get; set; }

    /// <summary>The shared mailbox, e.g. sales@contoso.com (the app needs Mail.Read application permission on it).</summary>
    public string Mailbox { get; set; } = "";

    /// <summary>The CRM tenant its leads belong to.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>Who gets a new deal when no assignment rule decides.</summary>
    public string OwnerObjectId { get; set; } = "";

    /// <summary>The secret Graph echoes in every notification; a random one per process when empty.</summary>
    public string ClientState { get; set; } = "";

    /// <summary>The public https address of /api/graph/notifications; the server's own address when empty (tests, tunnels).</summary>
    public string NotificationUrl { get; set; } = "";

    /// <summary>
    /// The public https address of /api/graph/lifecycle (reauthorization, removal, missed notifications); when empty,
    /// derived from <see cref="NotificationUrl"/> (or the server's own address).
    /// </summary>
    public string LifecycleNotificationUrl { get; set; } = "";

    /// <summary>After Graph reports missed notifications (or a removed subscription), the inbox messages this recent are read again.</summary>
    public int CatchUpMinutes { get; set; } = 1440;

    /// <summary>How long each subscription (or renewal) asks for; Graph allows up to 10,080 minutes for messages.</summary>
    public int SubscriptionMinutes { get; set; } = 4320;

    /// <summary>Renew this long before the subscription expires.</summary>
    public int RenewBeforeMinutes { get; set; } = 60;

    /// <summary>The app-only scope for Graph.</summary>
    public string Scope { get; set; } = "https://graph.microsoft.com/.default";
}
