using System.Net;
using System.Text.Json.Nodes;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Addin.Tests.Administration;

/// <summary>Two admins edit the pipeline from the same version: the second save is refused, and the first one stays.</summary>
public class PipelineConcurrencyTests
{
    [Fact]
    public async Task TheSecondAdminSavingAStalePipelineGets409InTheirLanguageAndTheFirstAdminsChangeStays()
    {
        await using var host = await AddinHost.StartAsync();
        var first = host.AdminClient(objectId: "admin-one");
        var second = host.AdminClient(objectId: "admin-two", acceptLanguage: "zh-CN");
        var mine = JsonNode.Parse(await first.GetStringAsync("/api/admin/pipeline"))!;
        var theirs = JsonNode.Parse(await second.GetStringAsync("/api/admin/pipeline"))!;
        Stage(mine, "proposal")["name"] = new JsonObject { ["en"] = "Offer", ["zh"] = "报价" };
        Stage(theirs, "negotiation")["probability"] = 55;

        var saved = await AdminAuthorizationMatrixTests.SendAsync(first, "PUT", "/api/admin/pipeline", mine.ToJsonString());
        var stale = await AdminAuthorizationMatrixTests.SendAsync(second, "PUT", "/api/admin/pipeline", theirs.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.ReadJsonAsync();
        Assert.Equal("pipeline_conflict", problem.GetProperty("code").GetString());
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt32());
        Assert.Contains("其他人已修改销售流程", problem.GetProperty("detail").GetString());
        var now = JsonNode.Parse(await first.GetStringAsync("/api/admin/pipeline"))!;
        Assert.Equal(2, now["version"]!.GetValue<int>());
        Assert.Equal("Offer", Stage(now, "proposal")["name"]!["en"]!.GetValue<string>());
        Assert.NotEqual(55, Stage(now, "negotiation")["probability"]!.GetValue<int>());
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "pipeline.change"));
    }

    [Fact]
    public async Task APipelineSavedWithoutTheVersionItWasLoadedAtIsRefusedNamingTheVersionField()
    {
        await using var host = await AddinHost.StartAsync();
        var admin = host.AdminClient();
        var pipeline = JsonNode.Parse(await admin.GetStringAsync("/api/admin/pipeline"))!.AsObject();
        pipeline.Remove("version");

        var response = await AdminAuthorizationMatrixTests.SendAsync(admin, "PUT", "/api/admin/pipeline", pipeline.ToJsonString());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("version", out _));
        Assert.Equal(1, JsonNode.Parse(await admin.GetStringAsync("/api/admin/pipeline"))!["version"]!.GetValue<int>());
    }

    /// <summary>Two admins press Save at the same moment from the same version, several times over: each time one wins and one is told.</summary>
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task OfTwoSavesFromTheSameVersionAtTheSameMomentExactlyOneWinsAndTheOtherGets409(DatabaseKind kind)
    {
        await using var host = await AddinHost.StartAsync(kind);
        var admins = new[] { host.AdminClient(objectId: "admin-one"), host.AdminClient(objectId: "admin-two") };
        const int Rounds = 6;
        for (var round = 0; round < Rounds; round++)
        {
            var loaded = JsonNode.Parse(await admins[0].GetStringAsync("/api/admin/pipeline"))!;
            var version = loaded["version"]!.GetValue<int>();
            var bodies = admins.Select((_, i) =>
            {
                var edit = loaded.DeepClone();
                Stage(edit, "negotiation")["probability"] = 60 + round * 2 + i;
                return edit.ToJsonString();
            }).ToArray();
            using var start = new SemaphoreSlim(0);
            var saves = admins.Select(async (admin, i) =>
            {
                await start.WaitAsync();
                return (await AdminAuthorizationMatrixTests.SendAsync(admin, "PUT", "/api/admin/pipeline", bodies[i])).StatusCode;
            }).ToArray();
            start.Release(2);
            var answers = await Task.WhenAll(saves);

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Order());
            var now = JsonNode.Parse(await admins[0].GetStringAsync("/api/admin/pipeline"))!;
            Assert.Equal(version + 1, now["version"]!.GetValue<int>());
            var winner = Array.IndexOf(answers, HttpStatusCode.OK);
            Assert.Equal(60 + round * 2 + winner, Stage(now, "negotiation")["probability"]!.GetValue<int>());
        }
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Equal(Rounds, await db.AuditEntries.CountAsync(a => a.Action == "pipeline.change"));
    }

    private static JsonNode Stage(JsonNode pipeline, string key) =>
        pipeline["stages"]!.AsArray().Single(s => s!["key"]!.GetValue<string>() == key)!;
}
