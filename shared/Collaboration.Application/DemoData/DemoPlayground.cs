using Collaboration.Application.Access;
using Collaboration.Application.Conversations;
using Collaboration.Application.Notifications;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.DemoData;

/// <summary>
/// Connects the demo tenant to a local Microsoft 365 Agents Playground, so that notifications of a demo run are
/// delivered where a newcomer can watch them (see <see cref="Conversations"/>). Every other conversation the tenant
/// remembers is forgotten, because a Playground forgets the chats it started when it stops.
/// </summary>
public sealed class DemoPlayground(ICrmDatabase database, AdminPolicy admins, TimeProvider clock)
{
    /// <summary>The bot id the Playground's built-in configuration gives the bot.</summary>
    public const string BotId = "00000000-0000-0000-0000-00000000000011";

    /// <summary>The demo rep's personal chat in scripts/agents-playground.yml.</summary>
    public const string PersonalChatId = "collaboration-demo-personal-chat";

    /// <summary>The Outlook conversation id of the demo's logged email thread (the sample inbox replies in it).</summary>
    public const string LoggedThreadConversationId = "collaboration-demo-logged-thread";

    public const string LoggedThreadMessageId = "<logged-thread-1@collaboration.demo>";

    /// <summary>
    /// Where the demo reps' own notifications go in the Playground (scripts/agents-playground.yml): the demo rep's
    /// personal chat, and for three reps who do not fit in the Playground's five users, its group chat, team and channel.
    /// The other reps are Playground users whose 1:1 chats the bot starts itself.
    /// </summary>
    public static readonly IReadOnlyList<(string UserObjectId, string ConversationId, string ConversationType)> Conversations =
    [
        (DemoDataSeeder.DemoRepObjectId, PersonalChatId, "personal"),
        ("00000000-0000-0000-0000-0000000000023", "collaboration-demo-group-chat", "personal"),
        ("00000000-0000-0000-0000-0000000000024", "collaboration-demo-team", "personal"),
        ("00000000-0000-0000-0000-0000000000025", "collaboration-demo-channel", "personal"),
    ];

    public async Task ConnectAsync(string connectorServiceUrl, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectorServiceUrl);
        await using var db = database.Open(DemoDataSeeder.TenantId);
        var remembered = await db.ConversationReferences.ToListAsync(ct);
        db.ConversationReferences.RemoveRange(remembered.Where(r => !Conversations.Any(c => c.ConversationId == r.ConversationId)));
        foreach (var (user, conversationId, type) in Conversations)
        {
            var address = new ConversationAddress(connectorServiceUrl, "msteams", type, user, null, BotId, null);
            if (remembered.FirstOrDefault(r => r.ConversationId == conversationId) is { } known)
            {
                known.Apply(address, clock.GetUtcNow());
            }
            else
            {
                db.ConversationReferences.Add(new ConversationReferenceRecord(DemoDataSeeder.TenantId, conversationId, address, clock.GetUtcNow()));
            }
        }
        await db.SaveChangesAsync(ct);

        // The demo rep's chat hears of every stage change, their own included, so a move made anywhere shows there.
        await new NotificationPreferences(database, admins, clock).SubscribeAsync(
            new Actor(DemoDataSeeder.TenantId, DemoDataSeeder.DemoRepObjectId, ChangeSurface.System), PersonalChatId, SubscriptionFilter.AllStageChanges, ct: ct);
    }

    /// <summary>
    /// The demo rep's open deal with an English-speaking contact that has an email thread logged to it (logged here
    /// on the first call); null when the demo data has no such deal.
    /// </summary>
    public async Task<DemoLoggedThread?> EnsureLoggedThreadAsync(CancellationToken ct = default)
    {
        await using var db = database.Open(DemoDataSeeder.TenantId);
        var logged = await db.Interactions.AsNoTracking().FirstOrDefaultAsync(i => i.SourceId == LoggedThreadMessageId, ct);
        var candidates = await db.Opportunities.AsNoTracking()
            .Where(o => o.OwnerId == DemoDataSeeder.DemoRepObjectId && o.Stage != Stage.Won && o.Stage != Stage.Lost && o.PrimaryContactId != null)
            .Join(db.Contacts, o => o.PrimaryContactId, c => c.Id, (o, c) => new { DealId = o.Id, DealName = o.Name, c.Id, c.Name, c.Email })
            .ToListAsync(ct);
        var deal = logged is not null
            ? candidates.FirstOrDefault(c => c.DealId == logged.OpportunityId)
            : candidates.Where(c => !c.Email.EndsWith(".cn", StringComparison.Ordinal)).OrderBy(c => c.DealName, StringComparer.Ordinal).FirstOrDefault();
        if (deal is null) return null;

        var subject = $"{deal.DealName}: next steps";
        if (logged is null)
        {
            db.Interactions.Add(new Interaction(DemoDataSeeder.TenantId, deal.DealId, deal.Id, InteractionKind.Email, Direction.Inbound,
                clock.GetUtcNow().AddDays(-2), $"Email: {subject}", DemoDataSeeder.DemoRepObjectId, ChangeSurface.Outlook,
                LoggedThreadMessageId, LoggedThreadConversationId, "Thanks for the call. Could you send the revised proposal?", subject));
            await db.SaveChangesAsync(ct);
        }
        return new DemoLoggedThread(deal.DealId, deal.DealName, deal.Name, deal.Email, subject);
    }

    /// <summary>A Chinese-speaking contact of one of the demo rep's open deals (the sample inbox's Chinese customer), if any.</summary>
    public async Task<DemoCustomer?> ChineseCustomerAsync(CancellationToken ct = default)
    {
        await using var db = database.Open(DemoDataSeeder.TenantId);
        var customers = await db.Opportunities.AsNoTracking()
            .Where(o => o.OwnerId == DemoDataSeeder.DemoRepObjectId && o.Stage != Stage.Won && o.Stage != Stage.Lost && o.PrimaryContactId != null)
            .Join(db.Contacts, o => o.PrimaryContactId, c => c.Id, (o, c) => new DemoCustomer(o.Name, c.Name, c.Email))
            .ToListAsync(ct);
        return customers.Where(c => c.ContactEmail.EndsWith(".cn", StringComparison.Ordinal)).OrderBy(c => c.DealName, StringComparer.Ordinal).FirstOrDefault();
    }
}
