using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Tenants;
using Collaboration.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Administration;

/// <summary>What a sync did; <see cref="BrokenCycles"/> lists each manager loop found and the person whose manager was cleared.</summary>
public sealed record SyncReport(int Added, int Changed, int Deactivated, IReadOnlyList<string> BrokenCycles);

/// <summary>
/// Brings people, teams (the department) and managers from the directory into the CRM. A team or manager an admin set by
/// hand stays; people gone from the directory or disabled become inactive (their deals stay theirs until reassigned);
/// loops of managers are broken at a link the sync set, and reported. Only the configured tenant is ever written.
/// </summary>
public sealed class OrganisationSync(ICrmDatabase database, IOrganisationDirectory directory, OrganisationSyncOptions options, TimeProvider clock)
{
    public string TenantId => options.TenantId;

    public async Task<SyncReport> RunAsync(Actor actor, CancellationToken ct = default)
    {
        if (!string.Equals(actor.TenantId, options.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException(DomainError.Of("sync_not_configured", ("field", "tenant")));
        }
        var people = await directory.ReadAsync(ct);
        var byId = people.GroupBy(p => p.ObjectId).ToDictionary(g => g.Key, g => g.First());
        await using var db = database.Open(actor.TenantId);
        if (!await db.Tenants.AnyAsync(ct)) db.Tenants.Add(new Tenant(actor.TenantId, actor.TenantId));
        var users = await db.Users.ToListAsync(ct);
        var known = users.ToDictionary(u => u.ObjectId);
        int added = 0, changed = 0, deactivated = 0;
        foreach (var person in byId.Values)
        {
            if (!known.TryGetValue(person.ObjectId, out var user))
            {
                user = new User(actor.TenantId, person.ObjectId, Clip(person.DisplayName, 200), ValidEmail(person.Email), LocaleOf(person.PreferredLanguage));
                db.Users.Add(user);
                users.Add(user);
                known[person.ObjectId] = user;
                added++;
            }
            var manager = person.ManagerObjectId is { } m && byId.ContainsKey(m) ? m : null;
            var moved = user.FollowDirectory(person.Department is { } d ? Clip(d, User.MaxTeamLength) : null, manager);
            var switched = user.SetActive(person.Enabled);
            if (switched && !person.Enabled) deactivated++;
            if (moved || switched) changed++;
        }
        foreach (var gone in users.Where(u => !byId.ContainsKey(u.ObjectId)))
        {
            if (gone.SetActive(false)) deactivated++;
        }
        var broken = BreakCycles(users);
        AuditLog.Record(db, actor, "people.sync", null, new { added, changed, deactivated, brokenCycles = broken }, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new SyncReport(added, changed, deactivated, broken);
    }

    private static List<string> BreakCycles(List<User> users)
    {
        var reports = new List<string>();
        foreach (var user in users)
        {
            if (OrganisationChart.CycleThrough(users, user.ObjectId) is not { } cycle) continue;
            var members = cycle.Take(cycle.Count - 1).Select(id => users.First(u => u.ObjectId == id)).ToList();
            var cut = members.FirstOrDefault(u => !u.ManagerSetByHand) ?? members[0];
            cut.PlaceInTeam(cut.Team, null);
            reports.Add($"{string.Join(" → ", cycle)}: cleared the manager of {cut.ObjectId}");
        }
        return reports;
    }

    /// <summary>The CRM speaks English and Simplified Chinese: any Chinese preference (zh-CN, zh-TW, zh-Hans…) is zh-Hans, an English one is
    /// kept as given (its date and number formats), anything else is en-US, as is a person without a preference (the tenant has no default yet).</summary>
    internal static string LocaleOf(string? preferredLanguage) => preferredLanguage?.Trim() switch
    {
        { } zh when zh.Equals("zh", StringComparison.OrdinalIgnoreCase) || zh.StartsWith("zh-", StringComparison.OrdinalIgnoreCase) => "zh-Hans",
        { Length: >= 2 and <= 35 } en when en.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            && System.Text.RegularExpressions.Regex.IsMatch(en, "^en(-[A-Za-z0-9]{2,8})*$") => en,
        _ => "en-US",
    };

    private static string Clip(string text, int max) => text.Length > max ? text[..max] : text;

    private static string? ValidEmail(string? email) => email is { Length: > 3 and <= 254 } && email.Contains('@') ? email : null;
}
