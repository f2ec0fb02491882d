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

public sealed record SubscriptionState(string Id, DateTimeOffset ExpiresAt, string NotificationUrl);

/// <summary>
/// Open while this server is creating a Graph subscription: the only time Graph posts a validationToken and expects it
/// echoed. At any other time the notification endpoints echo nothing, so they cannot be used to reflect text.
/// </summary>
public sealed class SubscriptionValidationWindow
{
    private int _open;

    public bool IsOpen => Volatile.Read(ref _open) > 0;

    public IDisposable Open()
    {
        Interlocked.Increment(ref _open);
        return new Closing(this);
    }

    private sealed class Closing(SubscriptionValidationWindow window) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0) Interlocked.Decrement(ref window._open);
        }
    }
}
