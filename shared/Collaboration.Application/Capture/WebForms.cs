using System.Globalization;
using Collaboration.Application.Access;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Capture;
using Collaboration.Domain.Common;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Capture;

public enum DailyCap
{
    Tenant,
    Email,
}

/// <summary>A tenant's web forms: created and revoked by an admin, looked up by their public key on every submission.</summary>
public sealed class WebForms(ICrmDatabase database, ChannelCapture capture, TimeProvider clock)
{
    public async Task<WebForm> CreateAsync(Actor admin, string name, IEnumerable<string> allowedOrigins, string? ownerObjectId, CancellationToken ct = default)
    {
        await using var db = database.Open(admin.TenantId);
        if (ownerObjectId is not null && !await db.Users.AnyAsync(u => u.ObjectId == ownerObjectId, ct)) throw new NotFoundException("user");
        var form = new WebForm(admin.TenantId, name, allowedOrigins, ownerObjectId, admin.UserObjectId, clock.GetUtcNow());
        db.WebForms.Add(form);
        db.AuditEntries.Add(new AuditEntry(admin.TenantId, admin.UserObjectId, "web-form.create", null, Audited(form), clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return form;
    }

    public async Task<IReadOnlyList<WebForm>> ListAsync(Actor admin, CancellationToken ct = default)
    {
        await using var db = database.Open(admin.TenantId);
        return await db.WebForms.AsNoTracking().OrderBy(f => f.CreatedAt).ToListAsync(ct);
    }

    public async Task<WebForm> GetAsync(Actor admin, string key, CancellationToken ct = default)
    {
        await using var db = database.Open(admin.TenantId);
        return await db.WebForms.AsNoTracking().FirstOrDefaultAsync(f => f.Key == key, ct) ?? throw new NotFoundException("form");
    }

    public async Task RevokeAsync(Actor admin, string key, CancellationToken ct = default)
    {
        await using var db = database.Open(admin.TenantId);
        var form = await db.WebForms.FirstOrDefaultAsync(f => f.Key == key, ct) ?? throw new NotFoundException("form");
        var before = Audited(form);
        form.Revoke(clock.GetUtcNow());
        db.AuditEntries.Add(new AuditEntry(admin.TenantId, admin.UserObjectId, "web-form.revoke", before, Audited(form), clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The active form behind a public key, whichever tenant it belongs to; null for unknown or revoked keys.</summary>
    public async Task<WebForm?> FindActiveAsync(string key, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 64) return null;
        await using var db = database.Open((string?)null);
        var form = await db.WebForms.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(f => f.Key == key, ct);
        return form is { IsActive: true } ? form : null;
    }

    /// <summary>Counts a submission dropped by the honeypot, atomically.</summary>
    public async Task CountHoneypotAsync(WebForm form, CancellationToken ct = default)
    {
        await using var db = database.Open(form.TenantId);
        await db.WebForms.Where(f => f.Id == form.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.HoneypotCount, f => f.HoneypotCount + 1), ct);
    }

    /// <summary>
    /// Which daily cap a new submission would pass, if any: deals the tenant's web forms captured since midnight UTC
    /// (<paramref name="perTenant"/>), or those for this email address (<paramref name="perEmail"/>). Counted from the deals
    /// themselves, so the caps hold across restarts and several instances of the add-in.
    /// </summary>
    public async Task<DailyCap?> DailyCapReachedAsync(WebForm form, string email, int perTenant, int perEmail, CancellationToken ct = default)
    {
        var since = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var normalized = EmailAddress.Normalize(email);
        await using var db = database.Open(form.TenantId);
        var today = db.Opportunities.Where(o => o.Source == CaptureSource.WebForm && o.CreatedAt >= since);
        if (await today.CountAsync(ct) >= perTenant) return DailyCap.Tenant;
        var forEmail = await today.Join(db.Contacts.Where(c => c.Email == normalized), o => o.PrimaryContactId, c => (Guid?)c.Id, (o, _) => o.Id).CountAsync(ct);
        return forEmail >= perEmail ? DailyCap.Email : null;
    }

    /// <summary>How long until midnight UTC, when the daily caps start again.</summary>
    public TimeSpan UntilDailyCapsReset()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1) - now;
    }

    /// <summary>A new opportunity in Capture from the submission: contact and account matched or created, hints pre-filled, owner by the rules.</summary>
    public Task<Opportunity> SubmitAsync(WebForm form, WebFormSubmission submission, CancellationToken ct = default)
    {
        var utm = submission.Utm is { Count: > 0 } ? " " + string.Join(' ', submission.Utm.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")) : "";
        var detail = $"{form.Name} {submission.Page}{utm}".Trim();
        if (detail.Length > 500) detail = detail[..500];
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var hints = FormHints.Read(submission.Budget, submission.Timeline, submission.Message, submission.Name, today);
        var title = submission.Company ?? submission.Name ?? submission.Email;
        var request = new CaptureRequest(Truncate($"{title} – {form.Name}", Opportunity.MaxNameLength))
        {
            Source = CaptureSource.WebForm,
            SourceDetail = detail,
            ContactEmail = submission.Email,
            ContactName = submission.Name,
            AccountName = submission.Company,
            Qualification = hints,
            FirstInteraction = new InteractionInput(InteractionKind.Note, Truncate(Summary(submission), 1000), Direction.Inbound, Subject: form.Name,
                Body: string.IsNullOrWhiteSpace(submission.Message) ? null : submission.Message),
        };
        return capture.CaptureAsync(form.TenantId, $"web-form:{form.Id}", request, submission.Country, form.OwnerObjectId ?? form.CreatedBy, ct);
    }

    private static object Audited(WebForm f) => new { f.Key, f.Name, f.AllowedOrigins, f.OwnerObjectId, f.RevokedAt };

    private static string Summary(WebFormSubmission s)
    {
        var parts = new List<string> { $"Web form: {s.FormName}" };
        if (!string.IsNullOrWhiteSpace(s.Message)) parts.Add(s.Message.Trim());
        if (!string.IsNullOrWhiteSpace(s.Budget)) parts.Add(string.Create(CultureInfo.InvariantCulture, $"Budget: {s.Budget.Trim()}"));
        if (!string.IsNullOrWhiteSpace(s.Timeline)) parts.Add($"Timeline: {s.Timeline.Trim()}");
        if (!string.IsNullOrWhiteSpace(s.Phone)) parts.Add($"Phone: {s.Phone.Trim()}");
        return string.Join(" — ", parts);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
