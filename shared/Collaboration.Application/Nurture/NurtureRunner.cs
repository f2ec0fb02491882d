using Collaboration.Application.Capture;
using Collaboration.Application.Notifications;
using Collaboration.Application.Opportunities;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Nurture;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Collaboration.Application.Nurture;

/// <summary>
/// Once a day per rep, at their local digest time (08:00 by default, in User.TimeZone), gathers the reminders that
/// are due on their open deals into one digest delivery. A snoozed reminder stays out until its snooze ends.
/// Where follow-up mail is on (<see cref="IFollowUpMailer.IsEnabled"/>), due email steps of plans are sent from the
/// rep's mailbox first, once each, and logged on the deal; the digest then says they were sent (or why not).
/// </summary>
public sealed class NurtureRunner(
    ICrmDatabase database, TimeProvider clock, ILogger<NurtureRunner> logger, IFollowUpMailer mailer, OpportunityService opportunities)
{
    public static string EmailSourceId(Guid enrolmentId, int step) => $"followup:{enrolmentId}:{step}";

    public static string DigestSource(DateOnly localDate) => $"digest:{localDate:yyyy-MM-dd}";

    /// <summary>Writes the digests that are due in every tenant; returns how many it wrote.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var written = 0;
        foreach (var tenantId in await CrossTenantQueries.TenantIdsAsync(database, ct))
        {
            written += await RunTenantAsync(tenantId, ct);
        }
        return written;
    }

    public async Task<int> RunTenantAsync(string tenantId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = database.Open(tenantId);
        var settings = await db.NotificationSettings.ToDictionaryAsync(s => s.UserObjectId, ct);
        var rules = await db.NurtureSettings.AsNoTracking().Select(s => s.Rules).FirstOrDefaultAsync(ct) ?? NurtureRules.Default;
        var due = new List<(Domain.Users.User User, DateOnly Today, TimeZoneInfo Zone)>();
        foreach (var user in await db.Users.AsNoTracking().ToListAsync(ct))
        {
            var zone = LocalClock.Zone(user.TimeZone);
            var local = TimeZoneInfo.ConvertTime(now, zone);
            var today = DateOnly.FromDateTime(local.DateTime);
            var mine = settings.GetValueOrDefault(user.ObjectId);
            var digestAt = mine?.DigestAt ?? rules.DigestAt ?? NotificationSettings.DefaultDigestAt;
            if (TimeOnly.FromDateTime(local.DateTime) < digestAt || mine?.LastDigestOn >= today) continue;
            due.Add((user, today, zone));
        }
        if (due.Count == 0) return 0;

        var owners = due.Select(d => d.User.ObjectId).ToList();
        var deals = await db.Opportunities.AsNoTracking()
            .Where(o => owners.Contains(o.OwnerId) && o.Stage != Stage.Won && o.Stage != Stage.Lost).ToListAsync(ct);
        var dealIds = deals.Select(d => d.Id).ToList();
        if (mailer.IsEnabled)
        {
            await SendDueEmailsAsync(tenantId, deals, due.ToDictionary(d => d.User.ObjectId, d => (d.User, d.Today)), ct);
        }
        var enrolments = (await db.FollowUpEnrolments.AsNoTracking().Where(e => dealIds.Contains(e.OpportunityId)).ToListAsync(ct))
            .ToLookup(e => e.OpportunityId);
        var overdue = await Contracts.OverdueMilestones.LoadAsync(db, owners, due.Max(d => d.Today), rules, ct);
        var snoozed = dealIds.Concat(overdue.Select(o => o.Deal.Id)).Distinct().ToList();
        var snoozes = await db.Snoozes.AsNoTracking().Where(s => s.Until > now && snoozed.Contains(s.OpportunityId)).ToListAsync(ct);
        var sources = due.Select(d => DigestSource(d.Today)).Distinct().ToList();
        var existing = (await db.Deliveries.AsNoTracking()
                .Where(d => d.RecipientKind == RecipientKind.User && sources.Contains(d.SourceKey))
                .Select(d => new { d.SourceKey, d.Recipient }).ToListAsync(ct))
            .Select(d => (d.SourceKey, d.Recipient)).ToHashSet();

        var written = 0;
        foreach (var (user, today, zone) in due)
        {
            var reminders = deals.Where(d => d.OwnerId == user.ObjectId)
                .SelectMany(deal => ReminderEvaluator.For(deal, rules, now, today)
                    .Concat(enrolments[deal.Id].SelectMany(e => ReminderEvaluator.For(e, deal, today))))
                .Concat(Contracts.OverdueMilestones.RemindersOf(overdue, user.ObjectId, rules, today))
                .Where(r => !snoozes.Any(s => s.Covers(r, now)))
                .OrderBy(r => r.DueOn).ThenBy(r => r.OpportunityName, StringComparer.Ordinal)
                .ToList();
            if (!settings.TryGetValue(user.ObjectId, out var mine))
            {
                mine = new NotificationSettings(tenantId, user.ObjectId);
                db.NotificationSettings.Add(mine);
            }
            mine.DigestConsidered(today);
            var source = DigestSource(today);
            if (reminders.Count == 0 || !existing.Add((source, user.ObjectId))) continue;
            var message = new DeliveryMessage
            {
                Kind = NotificationKind.Digest,
                TenantId = tenantId,
                At = now,
                Locale = user.Locale,
                TimeZone = user.TimeZone,
                OwnerId = user.ObjectId,
                OwnerName = user.DisplayName,
                Reminders = reminders,
            };
            db.Deliveries.Add(new Delivery(tenantId, RecipientKind.User, user.ObjectId, source, null,
                NotificationKind.Digest, DeliveryPayload.Serialize(message), now, mine.QuietHours.NextAllowed(now, zone)));
            written++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning(ex, "Digests of tenant {Tenant} were written concurrently elsewhere", tenantId);
            return 0;
        }
        return written;
    }

    /// <summary>
    /// Sends each due, untried email step: the step is claimed and saved first (so a crash between the claim and the
    /// send loses the email rather than sending it twice), then sent, then logged as an outbound email on the deal.
    /// A failure is recorded on the step, which stays a reminder.
    /// </summary>
    private async Task SendDueEmailsAsync(string tenantId, List<Domain.Opportunities.Opportunity> deals,
        Dictionary<string, (Domain.Users.User User, DateOnly Today)> owners, CancellationToken ct)
    {
        var byId = deals.ToDictionary(d => d.Id);
        await using var db = database.Open(tenantId);
        var ids = byId.Keys.ToList();
        var enrolments = await db.FollowUpEnrolments.Where(e => ids.Contains(e.OpportunityId)).ToListAsync(ct);
        foreach (var enrolment in enrolments)
        {
            var deal = byId[enrolment.OpportunityId];
            var (rep, today) = owners[deal.OwnerId];
            foreach (var index in enrolment.UnsentEmailSteps(today).ToList())
            {
                var step = enrolment.Steps[index];
                var contactId = enrolment.ContactId ?? deal.PrimaryContactId;
                var contact = contactId is null ? null : await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId, ct);
                if (!enrolment.ClaimEmail(index, clock.GetUtcNow())) continue;
                string? error = null;
                if (contact is null || string.IsNullOrEmpty(contact.Email)) error = "The deal has no contact with an email address.";
                else if (string.IsNullOrWhiteSpace(step.Subject) || step.Body is null) error = "The step has no subject or body.";
                Administration.EmailPreview? email = null;
                try
                {
                    if (error is null) email = Administration.NurtureAdministration.Preview(step, rep.Locale, new Administration.TemplateValues(contact!.Name, deal.Name, rep.DisplayName));
                }
                catch (DomainException ex)
                {
                    error = ex.Message;
                }
                if (error is not null)
                {
                    enrolment.EmailFailed(index, error);
                    await db.SaveChangesAsync(ct);
                    continue;
                }
                await db.SaveChangesAsync(ct);
                var (subject, body) = (email!.Subject, email.Body);
                try
                {
                    await mailer.SendAsync(new FollowUpEmail(tenantId, deal.OwnerId, contact!.Email!, subject, body), ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Follow-up email {Step} of enrolment {Enrolment} could not be sent", index, enrolment.Id);
                    enrolment.EmailFailed(index, ex.Message is { Length: > 0 } message ? message : ex.GetType().Name);
                    await db.SaveChangesAsync(ct);
                    continue;
                }
                var actor = new Actor(tenantId, deal.OwnerId, ChangeSurface.System, rep.Locale);
                await opportunities.LogInteractionAsync(actor, deal.Id, new InteractionInput(InteractionKind.Email, subject, Direction.Outbound,
                    Subject: subject, Body: body, SourceId: EmailSourceId(enrolment.Id, index), ContactEmail: contact.Email), ct);
            }
        }
    }
}
