using System.Net;
using Collaboration.Application;
using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Addin.Tests.Administration;

/// <summary>Quotas set through the admin API show in GET /api/reports/attainment, per rep and per team, as JSON or CSV.</summary>
public class AttainmentEndpointTests
{
    [Fact]
    public async Task QuotasSetByAnAdminGiveAttainmentAndCoveragePerRepAndTeam()
    {
        await using var host = await AddinHost.StartAsync();
        await AdminAuthorizationMatrixTests.PlaceAsync(host);
        await AdminAuthorizationMatrixTests.SendAsync(host.AdminClient(objectId: "admin-a"), "PUT", "/api/admin/quotas",
            $$"""[{"ownerObjectId":"{{AddinHost.RepA}}","period":"2026-Q4","amount":100000,"currency":"USD"},{"team":"East","period":"2026-Q4","amount":250000,"currency":"USD"}]""");
        var deals = host.Services.GetRequiredService<OpportunityService>();
        var rep = new Actor(AddinHost.TenantA, AddinHost.RepA, ChangeSurface.Outlook);
        var won = await deals.CaptureAsync(rep, new CaptureRequest("Won") { Amount = 60_000m, CloseDate = new DateOnly(2026, 12, 1) });
        await deals.CaptureAsync(rep, new CaptureRequest("Open") { Amount = 40_000m, CloseDate = new DateOnly(2026, 12, 10) });
        await deals.CaptureAsync(new Actor(AddinHost.TenantA, "manager-a", ChangeSurface.Outlook),
            new CaptureRequest("Manager open") { Amount = 100_000m, CloseDate = new DateOnly(2026, 11, 20) });
        await deals.MoveStageAsync(rep, won.Id, null, Stage.Negotiation, overrideReason: "strategic");
        await deals.CloseWonAsync(rep, won.Id, null, 60_000m, new DateOnly(2026, 12, 1));

        var report = await (await host.RepClient(objectId: "manager-a").GetAsync("/api/reports/attainment?from=2026-10-01&to=2026-12-31")).ReadJsonAsync();
        var mine = await (await host.RepClient().GetAsync("/api/reports/attainment?from=2026-10-01&to=2026-12-31")).ReadJsonAsync();
        var csvRequest = new HttpRequestMessage(HttpMethod.Get, "/api/reports/attainment?from=2026-10-01&to=2026-12-31");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        var csv = await host.RepClient(objectId: "manager-a").SendAsync(csvRequest);

        var rows = report.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("scope").GetString()!);
        Assert.Equal((60_000m, 2_000m, 40_000m, 0.6, 0.05), (rows["rep"].GetProperty("won").GetDecimal(), rows["rep"].GetProperty("weighted").GetDecimal(),
            rows["rep"].GetProperty("remaining").GetDecimal(), rows["rep"].GetProperty("attainment").GetDouble(), rows["rep"].GetProperty("coverage").GetDouble()));
        Assert.Equal((60_000m, 7_000m, 2, "2026-Q4"), (rows["team"].GetProperty("won").GetDecimal(), rows["team"].GetProperty("weighted").GetDecimal(),
            rows["team"].GetProperty("openDeals").GetInt32(), rows["team"].GetProperty("period").GetString()));
        Assert.Equal(2, mine.GetProperty("rows").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("scope,", lines[0], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, lines.Length);
    }
}
