using System.Net;
using System.Text;
using System.Text.Json;
using Collaboration.Application;
using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Application.Persistence;
using Collaboration.Application.Users;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Addin.Tests;

/// <summary>
/// The reports API on the real host: a manager (boss) over two reps in different teams (ann in east, carl in west),
/// and a stranger with ann's object id in another tenant. The clock is fixed so periods are exact.
/// </summary>
public class ReportEndpointTests
{
    private const string Period = "from=2026-11-01&to=2026-12-31";

    private sealed record World(AddinHost Host, FakeTimeProvider Clock) : IAsyncDisposable
    {
        public HttpClient As(string objectId, string tenant = AddinHost.TenantA, string? language = null) => Host.RepClient(tenant, objectId, language);
        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }

    private static async Task<World> StartAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var host = await AddinHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        var users = host.Services.GetRequiredService<UserDirectory>();
        var deals = host.Services.GetRequiredService<OpportunityService>();
        async Task<Actor> Rep(string id, string? team, string? manager, string tenant = AddinHost.TenantA)
        {
            await users.EnsureAsync(new UserProfile(tenant, id, $"Rep {id}", $"{id}@seller.example", "en-US", "UTC"));
            await using var db = host.Services.GetRequiredService<CrmDatabase>().Open(tenant);
            (await db.Users.SingleAsync(u => u.ObjectId == id)).PlaceInTeam(team, manager);
            await db.SaveChangesAsync();
            return new Actor(tenant, id, ChangeSurface.Outlook);
        }
        await Rep("boss", null, null);
        var ann = await Rep("ann", "east", "boss");
        var carl = await Rep("carl", "west", "boss");
        var stranger = await Rep("ann", "east", null, AddinHost.TenantB);

        var lost = await deals.CaptureAsync(ann, new CaptureRequest("Ann lost") { Amount = 40_000m, CloseDate = new DateOnly(2026, 12, 10) });
        var won = await deals.CaptureAsync(ann, new CaptureRequest("Ann won") { Amount = 60_000m, CloseDate = new DateOnly(2026, 12, 20) });
        await deals.CaptureAsync(carl, new CaptureRequest("Carl open") { Amount = 200_000m, CloseDate = new DateOnly(2026, 12, 15), Source = CaptureSource.Referral, ReferredBy = "Lee" });
        await deals.CaptureAsync(stranger, new CaptureRequest("Stranger open") { Amount = 999_000m, CloseDate = new DateOnly(2026, 12, 15) });
        clock.Advance(TimeSpan.FromDays(2));
        await deals.CloseLostAsync(ann, lost.Id, null, "price", "=HYPERLINK(\"http://evil.example\")");
        await deals.MoveStageAsync(ann, won.Id, null, Stage.Negotiation, overrideReason: "strategic");
        clock.Advance(TimeSpan.FromDays(3));
        await deals.CloseWonAsync(ann, won.Id, null, 60_000m, new DateOnly(2026, 12, 1));
        return new World(host, clock);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.ReadJsonAsync();
    }

    private static string[] Owners(JsonElement report) =>
        [.. report.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("ownerId").GetString()!).Distinct().Order(StringComparer.Ordinal)];

    [Fact]
    public async Task AReportIsJsonByDefaultWithItsPeriodAndRows()
    {
        await using var world = await StartAsync();

        var report = await GetJsonAsync(world.As("ann"), $"/api/reports/win-rate?{Period}");

        Assert.Equal("win-rate", report.GetProperty("report").GetString());
        Assert.Equal("2026-11-01", report.GetProperty("from").GetString());
        Assert.Equal("2026-12-31", report.GetProperty("to").GetString());
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), report.GetProperty("asOf").GetDateTimeOffset());
        var row = Assert.Single(report.GetProperty("rows").EnumerateArray());
        Assert.Equal((1, 1, 0.5), (row.GetProperty("won").GetInt32(), row.GetProperty("lost").GetInt32(), row.GetProperty("winRate").GetDouble()));
    }

    [Fact]
    public async Task WithoutAPeriodTheCurrentQuarterIsReported()
    {
        await using var world = await StartAsync();

        var report = await GetJsonAsync(world.As("ann"), "/api/reports/forecast");

        Assert.Equal(("2026-10-01", "2026-12-31"), (report.GetProperty("from").GetString(), report.GetProperty("to").GetString()));
        Assert.NotEmpty(report.GetProperty("rows").EnumerateArray());
    }

    [Fact]
    public async Task ARepSeesTheirTeamsNumbersAndTheManagerSeesEveryReport()
    {
        await using var world = await StartAsync();
        const string url = $"/api/reports/forecast?{Period}&groupBy=owner,team";

        var ann = await GetJsonAsync(world.As("ann"), url);
        var carl = await GetJsonAsync(world.As("carl"), url);
        var boss = await GetJsonAsync(world.As("boss"), url);

        Assert.Equal(["ann"], Owners(ann));
        Assert.Equal(["carl"], Owners(carl));
        Assert.Equal(["ann", "carl"], Owners(boss));
        decimal Total(JsonElement r) => r.GetProperty("rows").EnumerateArray().Sum(x => x.GetProperty("amount").GetDecimal());
        Assert.Equal(60_000m, Total(ann));
        Assert.Equal(260_000m, Total(boss));
    }

    [Fact]
    public async Task OwnerTeamAndSourceNarrowTheReportButNeverWidenIt()
    {
        await using var world = await StartAsync();
        var boss = world.As("boss");

        Assert.Equal(["carl"], Owners(await GetJsonAsync(boss, $"/api/reports/forecast?{Period}&groupBy=owner&owner=carl")));
        Assert.Equal(["ann", "carl"], Owners(await GetJsonAsync(boss, $"/api/reports/forecast?{Period}&groupBy=owner&owner=ann,carl")));
        Assert.Equal(["ann"], Owners(await GetJsonAsync(boss, $"/api/reports/forecast?{Period}&groupBy=owner&team=east")));
        Assert.Equal(["carl"], Owners(await GetJsonAsync(boss, $"/api/reports/forecast?{Period}&groupBy=owner&source=referral")));
        Assert.Empty((await GetJsonAsync(world.As("ann"), $"/api/reports/forecast?{Period}&owner=carl")).GetProperty("rows").EnumerateArray());
    }

    [Fact]
    public async Task AnotherTenantsDealsNeverCountEvenForTheSameObjectId()
    {
        await using var world = await StartAsync();

        var stranger = await GetJsonAsync(world.As("ann", AddinHost.TenantB), $"/api/reports/forecast?{Period}&groupBy=owner");
        var ours = await GetJsonAsync(world.As("ann"), $"/api/reports/loss-reasons?{Period}");
        var theirs = await GetJsonAsync(world.As("ann", AddinHost.TenantB), $"/api/reports/loss-reasons?{Period}");

        Assert.Equal(999_000m, Assert.Single(stranger.GetProperty("rows").EnumerateArray()).GetProperty("amount").GetDecimal());
        Assert.Single(ours.GetProperty("rows").EnumerateArray());
        Assert.Empty(theirs.GetProperty("rows").EnumerateArray());
    }

    [Fact]
    public async Task LossReasonsCarryTotalsByReasonAndCompetitor()
    {
        await using var world = await StartAsync();

        var report = await GetJsonAsync(world.As("boss"), $"/api/reports/loss-reasons?{Period}");

        var byReason = Assert.Single(report.GetProperty("summary").GetProperty("byReason").EnumerateArray());
        Assert.Equal(("price", 1, 40_000m), (byReason.GetProperty("reason").GetString(), byReason.GetProperty("deals").GetInt32(), byReason.GetProperty("amount").GetDecimal()));
        Assert.Single(report.GetProperty("summary").GetProperty("byCompetitor").EnumerateArray());
    }

    [Fact]
    public async Task AcceptingCsvDownloadsAFormulaSafeUtf8FileNamedAfterTheReportAndPeriod()
    {
        await using var world = await StartAsync();
        var client = world.As("boss");
        client.DefaultRequestHeaders.Add("Accept", "text/csv");

        var response = await client.GetAsync($"/api/reports/loss-reasons?{Period}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("loss-reasons-2026-11-01-2026-12-31.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("reason,competitor,currency,deals,amount", lines[0]);
        Assert.Equal("price,\"'=HYPERLINK(\"\"http://evil.example\"\")\",USD,1,40000", lines[1]);
    }

    [Fact]
    public async Task JsonWinsWhenTheCallerPrefersItOverCsv()
    {
        await using var world = await StartAsync();
        var client = world.As("boss");
        client.DefaultRequestHeaders.Add("Accept", "application/json, text/csv;q=0.5");

        var response = await client.GetAsync($"/api/reports/aging?{Period}");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnUnknownReportIsNotFoundAsProblemJson()
    {
        await using var world = await StartAsync();

        var response = await world.As("ann").GetAsync($"/api/reports/salaries?{Period}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("not_found", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-02-30", "to")]
    [InlineData("from=2026-12-31&to=2026-11-01", "to")]
    [InlineData("from=2020-01-01&to=2026-12-31", "to")]
    [InlineData("source=carrier-pigeon", "source")]
    [InlineData("groupBy=planet", "groupBy")]
    public async Task BadParametersAreABadRequestNamingTheParameter(string query, string parameter)
    {
        await using var world = await StartAsync();

        var response = await world.As("ann").GetAsync($"/api/reports/conversion?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task TheCatalogOffersOnlyThePeopleAndTeamsTheCallerMaySee()
    {
        await using var world = await StartAsync();

        var ann = await GetJsonAsync(world.As("ann"), "/api/reports");
        var boss = await GetJsonAsync(world.As("boss"), "/api/reports");

        Assert.Contains("loss-reasons", ann.GetProperty("reports").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["ann"], ann.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("objectId").GetString()));
        Assert.Equal(["ann", "boss", "carl"], boss.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("objectId").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(["east", "west"], boss.GetProperty("teams").EnumerateArray().Select(t => t.GetString()));
    }
}
