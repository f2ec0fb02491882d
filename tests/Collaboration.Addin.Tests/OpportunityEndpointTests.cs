using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Collaboration.Addin.Tests;

public class OpportunityEndpointTests
{
    private static async Task<JsonElement> NewDealAsync(HttpClient rep, string sender = "buyer@contoso.com") =>
        await (await rep.PostJsonAsync("/api/opportunities/from-email", PaneEmails.From(sender))).ReadJsonAsync();

    [Fact]
    public async Task ADealOfAnotherTenantIsNotFound()
    {
        await using var host = await AddinHost.StartAsync();
        var deal = await NewDealAsync(host.RepClient(AddinHost.TenantA));
        var id = deal.GetProperty("id").GetGuid();
        var stranger = host.RepClient(AddinHost.TenantB, AddinHost.RepA);

        var detail = await stranger.GetAsync($"/api/opportunities/{id}");
        var log = await stranger.PostJsonAsync($"/api/opportunities/{id}/emails", PaneEmails.From("buyer@contoso.com"));
        var move = await stranger.PostJsonAsync($"/api/opportunities/{id}/stage", new { stage = "qualify", expectedVersion = 1 });

        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
        Assert.Equal("application/problem+json", detail.Content.Headers.ContentType?.MediaType);
        Assert.Equal("not_found", (await detail.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, log.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
    }

    [Fact]
    public async Task ADealOfARepOutsideMyTeamIsNotFound()
    {
        await using var host = await AddinHost.StartAsync();
        var deal = await NewDealAsync(host.RepClient(AddinHost.TenantA, "rep-owner"));

        var response = await host.RepClient(AddinHost.TenantA, "rep-other").GetAsync($"/api/opportunities/{deal.GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task MovingWithAStaleVersionIsAConflictNamingTheCurrentVersion()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();
        var deal = await NewDealAsync(rep);
        var id = deal.GetProperty("id").GetGuid();
        var version = deal.GetProperty("version").GetInt32();
        var moved = await rep.PostJsonAsync($"/api/opportunities/{id}/stage", new { stage = "qualify", expectedVersion = version });

        var stale = await rep.PostJsonAsync($"/api/opportunities/{id}/stage", new { stage = "new", expectedVersion = version });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var current = (await moved.ReadJsonAsync()).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.ReadJsonAsync();
        Assert.Equal("conflict", problem.GetProperty("code").GetString());
        Assert.Equal(current, problem.GetProperty("currentVersion").GetInt32());
    }

    [Fact]
    public async Task MovingPastQualifyWithoutBantNamesWhatIsMissingInEnglishAndChinese()
    {
        await using var host = await AddinHost.StartAsync();
        var english = host.RepClient(acceptLanguage: "en-US");
        var chinese = host.RepClient(acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.5");
        var deal = await NewDealAsync(english);
        var id = deal.GetProperty("id").GetGuid();
        var body = new { stage = "proposal", expectedVersion = deal.GetProperty("version").GetInt32() };

        var inEnglish = await english.PostJsonAsync($"/api/opportunities/{id}/stage", body);
        var inChinese = await chinese.PostJsonAsync($"/api/opportunities/{id}/stage", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, inEnglish.StatusCode);
        var en = await inEnglish.ReadJsonAsync();
        Assert.Equal("bant_below_threshold", en.GetProperty("code").GetString());
        Assert.Contains("Missing: budget amount, budget status, decision maker, need, timeline", en.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, inChinese.StatusCode);
        var zh = await inChinese.ReadJsonAsync();
        Assert.Contains("缺少：预算金额、预算状态、决策人、需求、时间表", zh.GetProperty("detail").GetString());
        Assert.Contains(zh.GetProperty("missing").EnumerateArray(), m => m.GetProperty("label").GetString() == "决策人");
    }

    [Fact]
    public async Task QualifyingADealScoresItAndLetsItAdvance()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();
        var deal = await NewDealAsync(rep);
        var id = deal.GetProperty("id").GetGuid();
        Assert.Contains(deal.GetProperty("score").GetProperty("gaps").EnumerateArray(), g => g.GetProperty("key").GetString() == "decision_maker");

        var qualified = await rep.PutAsJsonAsync($"/api/opportunities/{id}/qualification", new
        {
            expectedVersion = deal.GetProperty("version").GetInt32(),
            budgetAmount = 50_000m,
            budgetCurrency = "usd",
            budgetStatus = "canBuy",
            decisionMakerName = "Wang Fang",
            need = "mustHave",
            timeframe = "thisQuarter",
            targetDate = (string?)null,
        }, Json.Options);
        var view = await qualified.ReadJsonAsync();
        var moved = await rep.PostJsonAsync($"/api/opportunities/{id}/stage", new { stage = "Proposal", expectedVersion = view.GetProperty("version").GetInt32() });

        Assert.Equal(HttpStatusCode.OK, qualified.StatusCode);
        Assert.True(view.GetProperty("score").GetProperty("total").GetInt32() >= 50);
        Assert.Equal("canBuy", view.GetProperty("bant").GetProperty("budgetStatus").GetString());
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var proposal = await moved.ReadJsonAsync();
        Assert.Equal("proposal", proposal.GetProperty("stage").GetString());
        Assert.Equal("convert", proposal.GetProperty("phase").GetString());
        Assert.Equal(40, proposal.GetProperty("probability").GetInt32());
        Assert.Equal(["done", "done", "done", "current", "todo"],
            proposal.GetProperty("phaseProgress").EnumerateArray().Select(p => p.GetProperty("state").GetString()));
        Assert.Contains(proposal.GetProperty("missingToAdvance").EnumerateArray(), m => m.GetProperty("key").GetString() == "amount");

        var mine = await (await rep.GetAsync("/api/opportunities?mine=true")).ReadJsonAsync();
        Assert.Equal(id, Assert.Single(mine.EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task AnUnknownStageOrMalformedJsonIsABadRequest()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();
        var deal = await NewDealAsync(rep);
        var id = deal.GetProperty("id").GetGuid();

        var unknown = await rep.PostJsonAsync($"/api/opportunities/{id}/stage", new { stage = "signed", expectedVersion = 1 });
        var malformed = await rep.PostAsync("/api/emails/resolve", new StringContent("{ \"from\": ", Encoding.UTF8, "application/json"));
        var badEnum = await rep.PutAsync($"/api/opportunities/{id}/qualification",
            new StringContent("{ \"expectedVersion\": 1, \"need\": \"desperately\" }", Encoding.UTF8, "application/json"));

        var notMine = await rep.GetAsync("/api/opportunities?mine=false");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notMine.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badEnum.StatusCode);
    }

    [Fact]
    public async Task AnEmailWithoutAValidSenderIsRefusedWithTheRule()
    {
        await using var host = await AddinHost.StartAsync();

        var response = await host.RepClient().PostJsonAsync("/api/opportunities/from-email", PaneEmails.From("not an address"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("invalid_email", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheEndpoints()
    {
        await using var host = await AddinHost.StartAsync();

        var document = await (await host.Client().GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/emails/resolve", paths);
        Assert.Contains("/api/opportunities/from-email", paths);
        Assert.Contains("/api/opportunities/{id}/emails", paths);
        Assert.Contains("/api/opportunities/{id}/stage", paths);
        Assert.Contains("/api/opportunities/{id}/qualification", paths);
    }
}
