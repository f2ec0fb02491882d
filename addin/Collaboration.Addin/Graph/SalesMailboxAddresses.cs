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

/// <summary>Where Graph posts notifications and lifecycle events: configured, or the server's own address.</summary>
internal static class SalesMailboxAddresses
{
    public static string NotificationUrl(SalesMailboxOptions options, IServer server)
    {
        if (!string.IsNullOrWhiteSpace(options.NotificationUrl)) return options.NotificationUrl;
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Set SalesMailbox:NotificationUrl: the server has no address to give Graph.");
        address = address.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost");
        return $"{address.TrimEnd('/')}{SalesMailboxEndpoints.NotificationPath}";
    }

    public static string? LifecycleUrl(SalesMailboxOptions options, string notificationUrl)
    {
        if (!string.IsNullOrWhiteSpace(options.LifecycleNotificationUrl)) return options.LifecycleNotificationUrl;
        var path = new Uri(notificationUrl).AbsolutePath;
        return path.EndsWith(SalesMailboxEndpoints.NotificationPath, StringComparison.Ordinal)
            ? notificationUrl[..notificationUrl.LastIndexOf(SalesMailboxEndpoints.NotificationPath, StringComparison.Ordinal)] + SalesMailboxEndpoints.LifecyclePath
            : null;
    }
}
