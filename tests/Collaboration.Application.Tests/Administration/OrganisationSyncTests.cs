using Collaboration.Application.Administration;
using Collaboration.Domain.Common;
using Collaboration.Domain.Users;
using Collaboration.Infrastructure.Administration;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Collaboration.Application.Tests.Administration;

/// <summary>The organisation sync against a Graph-shaped server on 127.0.0.1: two pages of users, managers, a loop, a disabled and a departed person.</summary>
public class OrganisationSyncTests
{
    private const string Tenant = CrmTestHost.TenantA;

    [Fact]
    public async Task TheSyncPagesThroughUsersFollowsManagersBreaksLoopsDeactivatesLeaversAndKeepsHandSetPlacements()
    {
        await using var graph = await StartDirectoryAsync();
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        await using (var db = host.Db.Database.Open(Tenant))
        {
            db.Tenants.Add(new Domain.Tenants.Tenant(Tenant, Tenant));
            var ann = new User(Tenant, "ann", "Ann", "ann@contoso.example");
            ann.AssignTeam("Key accounts");
            db.Users.AddRange(ann, new User(Tenant, "gone", "Gone", "gone@contoso.example"));
            await db.SaveChangesAsync();
        }
        var options = new OrganisationSyncOptions { Enabled = true, TenantId = Tenant, GraphBaseUrl = new Uri(graph.Address, "v1.0").ToString() };
        var directory = GraphOrganisationDirectory.Create(new HttpClient(), new FixedToken(graph.Address.Host), options);
        var sync = new OrganisationSync(host.Db.Database, directory, options, host.Clock);

        var report = await sync.RunAsync(new Actor(Tenant, "admin", ChangeSurface.Api));
        var pagesRead = graph.UserPages;
        var again = await sync.RunAsync(new Actor(Tenant, "admin", ChangeSurface.Api));

        Assert.Equal(2, pagesRead);
        Assert.Equal(5, report.Added);
        Assert.Single(report.BrokenCycles);
        Assert.Contains("loop1", report.BrokenCycles[0]);
        Assert.Single(again.BrokenCycles);
        Assert.Equal((0, 0), (again.Added, again.Deactivated));
        await using var check = host.Db.Database.Open(Tenant);
        var users = await check.Users.AsNoTracking().ToDictionaryAsync(u => u.ObjectId);
        Assert.Equal(("East", "ann", true), (users["bob"].Team, users["bob"].ManagerObjectId, users["bob"].Active));
        Assert.Equal(("Key accounts", "boss"), (users["ann"].Team, users["ann"].ManagerObjectId));
        Assert.False(users["cy"].Active);
        Assert.False(users["gone"].Active);
        Assert.True(users["loop1"].ManagerObjectId is null || users["loop2"].ManagerObjectId is null);
        Assert.All(users.Keys, id => Assert.Null(OrganisationChart.CycleThrough(users.Values, id)));
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.Action == "people.sync"));
    }

    [Fact]
    public async Task PeopleNewToTheCrmSpeakTheLanguageTheDirectoryPrefersForThemAndChineseIsSimplifiedChinese()
    {
        await using var graph = await StartDirectoryAsync();
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        await using (var db = host.Db.Database.Open(Tenant))
        {
            db.Tenants.Add(new Domain.Tenants.Tenant(Tenant, Tenant));
            db.Users.Add(new User(Tenant, "bob", "Bob", "bob@contoso.example", "en-US", "Europe/London"));
            await db.SaveChangesAsync();
        }
        var options = new OrganisationSyncOptions { Enabled = true, TenantId = Tenant, GraphBaseUrl = new Uri(graph.Address, "v1.0").ToString() };
        var sync = new OrganisationSync(host.Db.Database, GraphOrganisationDirectory.Create(new HttpClient(), new FixedToken(graph.Address.Host), options), options, host.Clock);

        await sync.RunAsync(new Actor(Tenant, "admin", ChangeSurface.Api));

        await using var check = host.Db.Database.Open(Tenant);
        var locales = await check.Users.AsNoTracking().ToDictionaryAsync(u => u.ObjectId, u => u.Locale);
        // Bob was here before and chose English: a sync does not overrule a person's own choice.
        Assert.Equal("en-US", locales["bob"]);
        Assert.Equal("zh-Hans", locales["cy"]);
        Assert.Equal(("en-GB", "en-US", "en-US"), (locales["loop1"], locales["loop2"], locales["boss"]));
    }

    [Fact]
    public async Task TheSyncRunsAMinuteAfterStartAndThenDailyByTheClock()
    {
        await using var graph = await StartDirectoryAsync();
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        var options = new OrganisationSyncOptions { Enabled = true, TenantId = Tenant, GraphBaseUrl = new Uri(graph.Address, "v1.0").ToString() };
        var sync = new OrganisationSync(host.Db.Database, GraphOrganisationDirectory.Create(new HttpClient(), new FixedToken(graph.Address.Host), options), options, host.Clock);
        using var service = new OrganisationSyncService(sync, host.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<OrganisationSyncService>.Instance);

        var started = host.Clock.GetUtcNow();
        await service.StartAsync(CancellationToken.None);
        Assert.Equal(0, await RunsAsync(host));

        // The service's timer may be set a moment after StartAsync returns, so the clock moves in steps, each given
        // real time to fire what is due: each run is then seen within one step of when it was due.
        var first = await AdvanceUntilRunsAsync(host, 1, TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(5));
        var second = await AdvanceUntilRunsAsync(host, 2, TimeSpan.FromMinutes(30), TimeSpan.FromHours(26));
        await service.StopAsync(CancellationToken.None);

        Assert.InRange(first - started, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2));
        Assert.InRange(second - first, TimeSpan.FromHours(23.5), TimeSpan.FromHours(25));
    }

    /// <summary>Moves the fake clock a step at a time until the sync has run <paramref name="runs"/> times; when it had.</summary>
    private static async Task<DateTimeOffset> AdvanceUntilRunsAsync(CrmTestHost host, int runs, TimeSpan step, TimeSpan limit)
    {
        for (var moved = TimeSpan.Zero; moved <= limit; moved += step)
        {
            for (var i = 0; i < 25; i++)
            {
                if (await RunsAsync(host) >= runs) return host.Clock.GetUtcNow();
                await Task.Delay(20);
            }
            host.Clock.Advance(step);
        }
        throw new Xunit.Sdk.XunitException($"The sync had not run {runs} time(s) after {limit} of clock time.");
    }

    private static async Task<int> RunsAsync(CrmTestHost host)
    {
        await using var db = host.Db.Database.Open(Tenant);
        return await db.AuditEntries.CountAsync(a => a.Action == "people.sync");
    }

    [Fact]
    public async Task AMemberOfAGroupChosenForATeamIsInThatTeamWhateverTheirDepartment()
    {
        await using var graph = await StartDirectoryAsync();
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        var options = new OrganisationSyncOptions
        {
            Enabled = true,
            TenantId = Tenant,
            GraphBaseUrl = new Uri(graph.Address, "v1.0").ToString(),
            TeamGroups = { ["Enterprise"] = "group-enterprise" },
        };
        var sync = new OrganisationSync(host.Db.Database, GraphOrganisationDirectory.Create(new HttpClient(), new FixedToken(graph.Address.Host), options), options, host.Clock);

        await sync.RunAsync(new Actor(Tenant, "admin", ChangeSurface.Api));

        await using var db = host.Db.Database.Open(Tenant);
        var teams = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.ObjectId, u => u.Team);
        Assert.Equal(("Enterprise", "Enterprise", "East"), (teams["bob"], teams["boss"], teams["ann"]));
    }

    [Fact]
    public async Task TheSyncNeverWritesAnotherTenant()
    {
        await using var graph = await StartDirectoryAsync();
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        var options = new OrganisationSyncOptions { Enabled = true, TenantId = Tenant, GraphBaseUrl = new Uri(graph.Address, "v1.0").ToString() };
        var sync = new OrganisationSync(host.Db.Database, GraphOrganisationDirectory.Create(new HttpClient(), new FixedToken(graph.Address.Host), options), options, host.Clock);

        var error = await Assert.ThrowsAsync<DomainException>(() => sync.RunAsync(new Actor(CrmTestHost.TenantB, "admin-b", ChangeSurface.Api)));

        Assert.Equal("sync_not_configured", error.Error.Code);
        Assert.Equal(0, graph.UserPages);
    }

    private sealed class FixedToken(string host) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult("app-token");
    }

    /// <summary>/users in two pages (@odata.nextLink) and /users/{id}/manager; 404 for someone without a manager.</summary>
    private static async Task<LocalGraph> StartDirectoryAsync()
    {
        var graph = await LocalGraph.StartAsync();
        graph.RequiredAuthorization = "Bearer app-token";
        graph.UsersPerPage = 3;
        graph.People.AddRange(
        [
            // preferredLanguage set for some, absent for others.
            new("boss", "Sales", null), new("ann", "East", "boss"), new("bob", "East", "ann", PreferredLanguage: "zh-CN"),
            new("cy", "West", "boss", Enabled: false, PreferredLanguage: "zh-TW"), new("loop1", "West", "loop2", PreferredLanguage: "en-GB"),
            new("loop2", "West", "loop1", PreferredLanguage: "fr-FR"),
        ]);
        graph.GroupMembers["group-enterprise"] = [["bob"], ["boss"]];
        return graph;
    }
}
