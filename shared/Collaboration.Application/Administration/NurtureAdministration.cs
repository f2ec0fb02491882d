using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Nurture;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Administration;

/// <summary>A preview of one email step as a rep in <see cref="Locale"/> would send it.</summary>
public sealed record EmailPreview(string Subject, string Body);

/// <summary>The tenant's nurture rules for admins: untouched days, digests, follow-up plans and the auto-enrol rule.</summary>
public sealed class NurtureAdministration(ICrmDatabase database, TimeProvider clock)
{
    public async Task<NurtureRules> GetAsync(Actor admin, CancellationToken ct = default)
    {
        await using var db = database.Open(admin.TenantId);
        return await db.NurtureSettings.AsNoTracking().Select(s => s.Rules).FirstOrDefaultAsync(ct) ?? NurtureRules.Default;
    }

    /// <summary>Checks the rules (templates included), saves them and audits the change; running enrolments keep their copy of the steps.</summary>
    public async Task<NurtureRules> ChangeAsync(Actor admin, NurtureRules rules, CancellationToken ct = default)
    {
        var problems = rules.Validate().Concat(FollowUpTemplates.Problems(rules)).ToList();
        if (problems.Count > 0) throw new InvalidFieldsException("invalid_nurture", problems);
        await using var db = database.Open(admin.TenantId);
        var settings = await db.NurtureSettings.FirstOrDefaultAsync(ct);
        var before = settings?.Rules ?? NurtureRules.Default;
        if (settings is null) db.NurtureSettings.Add(new TenantNurtureSettings(admin.TenantId, rules));
        else settings.Change(rules);
        AuditLog.Record(db, admin, "nurture.change", before, rules, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return rules;
    }

    /// <summary>Renders an email step with sample or given values; a template that cannot be read is refused naming its field.</summary>
    public static EmailPreview Preview(FollowUpStep step, string? locale, TemplateValues values)
    {
        var chinese = ErrorMessages.IsChinese(locale);
        var (subjectField, subject) = chinese && !string.IsNullOrWhiteSpace(step.SubjectZh) ? ("subject.zh", step.SubjectZh) : ("subject.en", step.Subject ?? "");
        var (bodyField, body) = chinese && !string.IsNullOrWhiteSpace(step.BodyZh) ? ("body.zh", step.BodyZh) : ("body.en", step.Body ?? "");
        var problems = new List<FieldProblem>();
        if (!FollowUpTemplates.TryRender(subject, values, out var renderedSubject, out var subjectError))
        {
            problems.Add(FieldProblem.Of(subjectField, "invalid_template", ("detail", subjectError ?? "")));
        }
        if (!FollowUpTemplates.TryRender(body, values, out var renderedBody, out var bodyError))
        {
            problems.Add(FieldProblem.Of(bodyField, "invalid_template", ("detail", bodyError ?? "")));
        }
        if (problems.Count > 0) throw new InvalidFieldsException("invalid_nurture", problems);
        return new EmailPreview(renderedSubject, renderedBody);
    }
}
