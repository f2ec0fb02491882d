using Collaboration.Domain.Common;

namespace Collaboration.Domain.Users;

/// <summary>A rep or manager, the same person in Teams and Outlook: identified by the Entra object id.</summary>
public sealed class User
{
    private User() { }

    public User(string tenantId, string objectId, string displayName, string? email, string locale = "en-US", string timeZone = "UTC")
    {
        TenantId = tenantId;
        ObjectId = objectId;
        DisplayName = displayName;
        Email = email?.Trim().ToLowerInvariant();
        Locale = locale;
        TimeZone = timeZone;
    }

    public Guid Id { get; private set; } = RowId.New();
    public string TenantId { get; private set; } = "";
    public string ObjectId { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string? Email { get; private set; }
    public string Locale { get; private set; } = "en-US";
    public string TimeZone { get; private set; } = "UTC";
    public string? Team { get; private set; }
    public string? ManagerObjectId { get; private set; }

    /// <summary>May manage the tenant: set by an admin, or carried over from the Entra app role (see <see cref="AdminFromRole"/>).</summary>
    public bool IsAdmin { get; private set; }

    /// <summary>IsAdmin came from the app role in an add-in token, so a later token without the role takes it away again.</summary>
    public bool AdminFromRole { get; private set; }

    public void SetAdmin(bool isAdmin)
    {
        IsAdmin = isAdmin;
        AdminFromRole = false;
    }

    /// <summary>
    /// Follows the app role in the person's latest add-in token, for the bot, which sees no roles. A flag an admin set by
    /// hand is never taken away here. True when the stored flag changed.
    /// </summary>
    public bool FollowAdminRole(bool holdsRole)
    {
        if (holdsRole)
        {
            if (IsAdmin) return false;
            IsAdmin = true;
            AdminFromRole = true;
            return true;
        }
        if (!AdminFromRole) return false;
        IsAdmin = false;
        AdminFromRole = false;
        return true;
    }

    public void UpdateProfile(string displayName, string? email, string? locale, string? timeZone)
    {
        if (!string.IsNullOrWhiteSpace(displayName)) DisplayName = displayName.Trim();
        if (!string.IsNullOrWhiteSpace(email)) Email = email.Trim().ToLowerInvariant();
        if (!string.IsNullOrWhiteSpace(locale)) Locale = locale;
        if (!string.IsNullOrWhiteSpace(timeZone)) TimeZone = timeZone;
    }

    public void PlaceInTeam(string? team, string? managerObjectId)
    {
        Team = NormalizeTeam(team);
        ManagerObjectId = managerObjectId == ObjectId ? null : managerObjectId;
    }

    /// <summary>False once the person left the organisation or an admin switched them off; their deals stay theirs until reassigned.</summary>
    public bool Active { get; private set; } = true;

    /// <summary>An admin set the team by hand: the organisation sync no longer changes it.</summary>
    public bool TeamSetByHand { get; private set; }

    /// <summary>An admin set the manager by hand: the organisation sync no longer changes it.</summary>
    public bool ManagerSetByHand { get; private set; }

    public const int MaxTeamLength = 100;

    /// <summary>An admin's choice of team; it survives later syncs.</summary>
    public void AssignTeam(string? team)
    {
        Team = NormalizeTeam(team);
        TeamSetByHand = true;
    }

    /// <summary>An admin's choice of manager; it survives later syncs. Nobody manages themselves.</summary>
    public void AssignManager(string? managerObjectId)
    {
        var manager = string.IsNullOrWhiteSpace(managerObjectId) ? null : managerObjectId.Trim();
        if (manager == ObjectId) throw new DomainException(DomainError.Of("manager_self", ("field", "managerObjectId")));
        ManagerObjectId = manager;
        ManagerSetByHand = true;
    }

    /// <summary>What the directory says; a team or manager an admin set by hand stays. True when anything changed.</summary>
    public bool FollowDirectory(string? team, string? managerObjectId)
    {
        var before = (Team, ManagerObjectId);
        if (!TeamSetByHand) Team = NormalizeTeam(team);
        if (!ManagerSetByHand) ManagerObjectId = managerObjectId == ObjectId ? null : managerObjectId;
        return before != (Team, ManagerObjectId);
    }

    public bool SetActive(bool active)
    {
        if (Active == active) return false;
        Active = active;
        return true;
    }

    private static string? NormalizeTeam(string? team)
    {
        if (string.IsNullOrWhiteSpace(team)) return null;
        var trimmed = team.Trim();
        if (trimmed.Length > MaxTeamLength)
        {
            throw new DomainException(DomainError.Of("name_too_long", ("max", MaxTeamLength.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("field", "team")));
        }
        return trimmed;
    }
}
