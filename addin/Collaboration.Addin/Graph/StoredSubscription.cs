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

/// <summary>The mailbox's subscription as stored, so a restart renews the same one.</summary>
internal sealed class StoredSubscription(CrmDatabase database, SalesMailboxOptions options, TimeProvider time)
{
    public async Task<MailboxSubscription?> LoadAsync(CancellationToken ct)
    {
        await using var db = database.Open(options.TenantId);
        var key = MailboxSubscription.KeyOf(options.Mailbox);
        return await db.MailboxSubscriptions.AsNoTracking().FirstOrDefaultAsync(m => m.Mailbox == key, ct);
    }

    public async Task SaveAsync(SubscriptionState state, bool created, CancellationToken ct)
    {
        await using var db = database.Open(options.TenantId);
        var key = MailboxSubscription.KeyOf(options.Mailbox);
        var now = time.GetUtcNow();
        var stored = await db.MailboxSubscriptions.FirstOrDefaultAsync(m => m.Mailbox == key, ct);
        if (stored is null) db.MailboxSubscriptions.Add(new MailboxSubscription(options.TenantId, options.Mailbox, state.Id, state.ExpiresAt, options.ClientState, state.NotificationUrl, now));
        else if (created || stored.SubscriptionId != state.Id) stored.Replace(state.Id, state.ExpiresAt, options.ClientState, state.NotificationUrl, now);
        else stored.Renewed(state.ExpiresAt, now);
        await db.SaveChangesAsync(ct);
    }
}
