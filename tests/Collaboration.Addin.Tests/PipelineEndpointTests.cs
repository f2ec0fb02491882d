using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Pipeline;
using Collaboration.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Addin.Tests;

/// <summary>GET /api/pipeline: the signed-in rep's tenant's stages as the tenant set them up, in the caller's language.</summary>
public class PipelineEndpointTests
{
    private static async Task RenameAsync(AddinHost host, string tenantId, Stage stage, string name, string nameZh, int probability)
    {
        await host.RepClient(tenantId).GetAsync("/api/pipeline"); // the first call registers the tenant
        await using var db = host.Services.GetRequiredService<CrmDatabase>().Open(tenantId);
        var tenant = await db.Tenants.SingleAsync();
        tenant.ChangePipeline(tenant.Pipeline with
        {
            Stages = tenant.Pipeline.Stages.Select(s => s.Stage == stage ? s with { Name = name, NameZh = nameZh, Probability = probability } : s).ToList(),
            LossReasons = ["price", "went dark"],
        });
        await db.SaveChangesAsync();
    }

    private static async Task<JsonElement> PipelineAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/pipeline");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static string[] Names(JsonElement pipeline) =>
        [.. pipeline.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString()!)];

    [Fact]
    public async Task EveryStageComesInPipelineOrderWithItsProbabilityAndForecastCategory()
    {
        await using var host = await AddinHost.StartAsync();

        var pipeline = await PipelineAsync(host.RepClient());

        var stages = pipeline.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["new", "qualify", "nurture", "proposal", "negotiation", "contract", "won", "lost"], stages.Select(s => s.GetProperty("stage").GetString()));
        Assert.Equal(["New", "Qualify", "Nurture", "Proposal", "Negotiation", "Contract", "Closed Won", "Closed Lost"], Names(pipeline));
        Assert.Equal([5, 10, 20, 40, 60, 80, 100, 0], stages.Select(s => s.GetProperty("probability").GetInt32()));
        Assert.Equal(["pipeline", "pipeline", "pipeline", "bestCase", "bestCase", "commit", "won", "lost"], stages.Select(s => s.GetProperty("forecastCategory").GetString()));
        Assert.Equal([true, true, true, true, true, true, false, false], stages.Select(s => s.GetProperty("open").GetBoolean()));
        Assert.Contains("competitor", pipeline.GetProperty("lossReasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("USD", pipeline.GetProperty("defaultCurrency").GetString());
    }

    [Fact]
    public async Task ATenantsRenamedStageShowsInItsLanguageAndOnlyToThatTenant()
    {
        await using var host = await AddinHost.StartAsync();
        await RenameAsync(host, AddinHost.TenantA, Stage.Qualify, "Discovery", "探索", 15);

        var english = await PipelineAsync(host.RepClient(AddinHost.TenantA));
        var chinese = await PipelineAsync(host.RepClient(AddinHost.TenantA, acceptLanguage: "zh-CN"));
        var otherTenant = await PipelineAsync(host.RepClient(AddinHost.TenantB, AddinHost.RepA));

        Assert.Equal("Discovery", Names(english)[1]);
        Assert.Equal(15, english.GetProperty("stages")[1].GetProperty("probability").GetInt32());
        Assert.Equal(["price", "went dark"], english.GetProperty("lossReasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["新建", "探索", "培育", "方案", "谈判", "合同", "赢单", "输单"], Names(chinese));
        Assert.Equal("Qualify", Names(otherTenant)[1]);
        Assert.Contains("competitor", otherTenant.GetProperty("lossReasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task WithoutSignInThePipelineIsRefused()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var host = await AddinHost.StartAsync(settings: issuer.AzureAdSettings());

        var anonymous = await host.Client().GetAsync("/api/pipeline");
        var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Token());
        var signedIn = await client.GetAsync("/api/pipeline");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }
}
