namespace Collaboration.Application.Administration;

/// <summary>A person as the directory knows them: <see cref="Department"/> is the team (or the configured group's team); <see cref="Enabled"/> false for a disabled account;
/// <see cref="PreferredLanguage"/> as Graph has it (e.g. "zh-CN"), when set.</summary>
public sealed record DirectoryPerson(string ObjectId, string DisplayName, string? Email, string? Department, string? ManagerObjectId, bool Enabled,
    string? PreferredLanguage = null);

/// <summary>Reads the organisation: everyone, their department and manager.</summary>
public interface IOrganisationDirectory
{
    Task<IReadOnlyList<DirectoryPerson>> ReadAsync(CancellationToken ct);
}

/// <summary>Settings under <c>OrganisationSync</c>; the Graph address is <c>Graph:BaseUrl</c>. The app needs User.Read.All (application).</summary>
public sealed class OrganisationSyncOptions
{
    public const string Section = "OrganisationSync";

    public bool Enabled { get; set; }

    /// <summary>The Entra tenant read, and the only CRM tenant the sync writes to.</summary>
    public string TenantId { get; set; } = "";

    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    public string Authority { get; set; } = "https://login.microsoftonline.com/";
    public string Scope { get; set; } = "https://graph.microsoft.com/.default";
    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Teams by Entra group (team name → group id): a member of a listed group is in that team, whatever their department.</summary>
    public Dictionary<string, string> TeamGroups { get; set; } = [];

    /// <summary>At most this many people are read (a bound on memory and time).</summary>
    public int MaxPeople { get; set; } = 50_000;
}
