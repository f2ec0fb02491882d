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

/// <summary>After missed notifications: the inbox's recent messages go through capture again.</summary>
internal static class InboxCatchUp
{
    private const int CatchUpPages = 10;

    /// <summary>Queues the inbox's recent messages again; capture is idempotent on the message id, so seen ones change nothing.</summary>
    public static async Task QueueRecentAsync(SalesMailboxGraph graph, SalesMailboxOptions options, SalesMailboxQueue queue, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        var since = time.GetUtcNow().AddMinutes(-options.CatchUpMinutes).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var page = await graph.Client.Users[options.Mailbox].MailFolders["inbox"].Messages.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"receivedDateTime ge {since}";
            r.QueryParameters.Select = ["id"];
            r.QueryParameters.Top = 100;
            r.Headers.Add("Prefer", "IdType=\"ImmutableId\"");
        }, ct);
        var queued = 0;
        for (var n = 0; page is not null && n < CatchUpPages; n++)
        {
            foreach (var message in page.Value ?? [])
            {
                if (!string.IsNullOrWhiteSpace(message.Id) && queue.TryEnqueue(message.Id)) queued++;
            }
            if (string.IsNullOrEmpty(page.OdataNextLink)) break;
            page = await graph.Client.Users[options.Mailbox].MailFolders["inbox"].Messages.WithUrl(page.OdataNextLink).GetAsync(cancellationToken: ct);
        }
        logger.LogInformation("Caught up on {Mailbox}'s inbox since {Since}: {Count} message(s) queued.", options.Mailbox, since, queued);
    }
}
