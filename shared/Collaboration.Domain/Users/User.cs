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

    public Guid Id { get; private set; } = Guid.NewGuid();
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
        Team = string.IsNullOrWhiteSpace(team) ? null : team.Trim();
        ManagerObjectId = managerObjectId == ObjectId ? null : managerObjectId;
    }
}
