using Collaboration.Domain.Common;

namespace Collaboration.Domain.Assignment;

public enum AssignmentRuleKind
{
    /// <summary>A country and/or an email domain suffix goes to one rep.</summary>
    Territory,

    /// <summary>The owner of the account's most recent deal keeps the account.</summary>
    AccountOwner,

    /// <summary>Turn by turn among the members of a team.</summary>
    RoundRobin,
}

/// <summary>One of a tenant's assignment rules; the first that applies, by position, decides.</summary>
public sealed class AssignmentRule
{
    private AssignmentRule() { }

    private AssignmentRule(string tenantId, int position, AssignmentRuleKind kind)
    {
        TenantId = tenantId;
        Position = position;
        Kind = kind;
    }

    public static AssignmentRule Territory(string tenantId, int position, string assigneeObjectId, string? country = null, string? emailDomainSuffix = null)
    {
        if (string.IsNullOrWhiteSpace(assigneeObjectId))
        {
            throw new DomainException(DomainError.Of("invalid_rule", ("detail", "a territory needs the rep it assigns to")));
        }
        if (string.IsNullOrWhiteSpace(country) && string.IsNullOrWhiteSpace(emailDomainSuffix))
        {
            throw new DomainException(DomainError.Of("invalid_rule", ("detail", "a territory needs a country or an email domain suffix")));
        }
        return new AssignmentRule(tenantId, position, AssignmentRuleKind.Territory)
        {
            AssigneeObjectId = assigneeObjectId.Trim(),
            Country = string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant(),
            EmailDomainSuffix = string.IsNullOrWhiteSpace(emailDomainSuffix) ? null : EmailAddress.NormalizeDomain(emailDomainSuffix).TrimStart('.'),
        };
    }

    public static AssignmentRule AccountOwner(string tenantId, int position) => new(tenantId, position, AssignmentRuleKind.AccountOwner);

    public static AssignmentRule RoundRobin(string tenantId, int position, string team)
    {
        if (string.IsNullOrWhiteSpace(team)) throw new DomainException(DomainError.Of("invalid_rule", ("detail", "round-robin needs a team")));
        return new AssignmentRule(tenantId, position, AssignmentRuleKind.RoundRobin) { Team = team.Trim() };
    }

    public Guid Id { get; private set; } = RowId.New();
    public string TenantId { get; private set; } = "";
    public int Position { get; private set; }
    public AssignmentRuleKind Kind { get; private set; }
    public string? Country { get; private set; }
    public string? EmailDomainSuffix { get; private set; }
    public string? AssigneeObjectId { get; private set; }
    public string? Team { get; private set; }

    public bool MatchesTerritory(AssignmentCandidate candidate)
    {
        if (Kind != AssignmentRuleKind.Territory) return false;
        if (Country is not null && !string.Equals(Country, candidate.Country?.Trim(), StringComparison.OrdinalIgnoreCase)) return false;
        if (EmailDomainSuffix is not null)
        {
            var domain = candidate.EmailDomain;
            if (domain is null || !(domain == EmailDomainSuffix || domain.EndsWith("." + EmailDomainSuffix, StringComparison.Ordinal))) return false;
        }
        return true;
    }
}

/// <summary>What a capture channel knows for assignment: the contact's address, a country when the form or list has one, the account.</summary>
public sealed record AssignmentCandidate(string? Email, string? Country, Guid? AccountId)
{
    public string? EmailDomain => Email is { } e && e.Contains('@') ? EmailAddress.NormalizeDomain(e[(e.LastIndexOf('@') + 1)..]) : null;
}

/// <summary>The outcome: a named rep, or a team whose next turn decides.</summary>
public sealed record AssignmentDecision(string? OwnerObjectId, string? RoundRobinTeam);

public static class AssignmentPlanner
{
    /// <summary>The first rule that applies, by position; null when none does (the channel's default owner then).</summary>
    public static AssignmentDecision? Decide(IEnumerable<AssignmentRule> rules, AssignmentCandidate candidate, string? accountOwnerObjectId)
    {
        foreach (var rule in rules.OrderBy(r => r.Position))
        {
            switch (rule.Kind)
            {
                case AssignmentRuleKind.Territory when rule.MatchesTerritory(candidate):
                    return new AssignmentDecision(rule.AssigneeObjectId, null);
                case AssignmentRuleKind.AccountOwner when accountOwnerObjectId is not null:
                    return new AssignmentDecision(accountOwnerObjectId, null);
                case AssignmentRuleKind.RoundRobin:
                    return new AssignmentDecision(null, rule.Team);
            }
        }
        return null;
    }

    /// <summary>The member whose turn <paramref name="turn"/> is; members in a stable order (object id).</summary>
    public static string Pick(IReadOnlyList<string> members, long turn) => members[(int)(turn % members.Count)];
}

/// <summary>
/// Where a team's round-robin stands. Taking turns bumps the version, so two captures racing for the same turn
/// cannot both win: the loser reads the new counter and tries again.
/// </summary>
public sealed class RoundRobinCursor
{
    private RoundRobinCursor() { }

    public RoundRobinCursor(string tenantId, string team)
    {
        TenantId = tenantId;
        Team = team;
    }

    public string TenantId { get; private set; } = "";
    public string Team { get; private set; } = "";
    public long Counter { get; private set; }
    public int Version { get; private set; }

    /// <summary>Takes <paramref name="count"/> consecutive turns; returns the first.</summary>
    public long Take(int count)
    {
        var first = Counter;
        Counter += count;
        Version++;
        return first;
    }
}
