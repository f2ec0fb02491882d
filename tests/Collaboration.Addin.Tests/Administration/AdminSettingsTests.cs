using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collaboration.Domain.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Addin.Tests.Administration;

/// <summary>The admin API changes what reps see, refuses bad settings by field, and writes each change to the audit log.</summary>
public class AdminSettingsTests
{
    [Fact]
    public async Task ARenamedStageIsSavedAsTheNextVersionShownToRepsAndAudited()
    {
        await using var host = await AddinHost.StartAsync();
        var admin = host.AdminClient();
        var pipeline = JsonNode.Parse(await admin.GetStringAsync("/api/admin/pipeline"))!;
        var proposal = pipeline["stages"]!.AsArray().Single(s => s!["key"]!.GetValue<string>() == "proposal")!;
        proposal["name"] = new JsonObject { ["en"] = "Offer", ["zh"] = "报价" };

        var saved = await AdminAuthorizationMatrixTests.SendAsync(admin, "PUT", "/api/admin/pipeline", pipeline.ToJsonString());
        var repView = await host.RepClient(acceptLanguage: "zh-CN").GetStringAsync("/api/pipeline");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(2, (await saved.ReadJsonAsync()).GetProperty("version").GetInt32());
        Assert.Contains("报价", repView);
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "pipeline.change");
        Assert.Contains("\"Proposal\"", audit.Before);
        Assert.Contains("\"Offer\"", audit.After);
    }

    [Fact]
    public async Task ABadPipelineIsRefusedWith422NamingEachFieldInTheCallersLanguageAndNothingIsSaved()
    {
        await using var host = await AddinHost.StartAsync();
        var admin = host.AdminClient(acceptLanguage: "zh-CN");
        var pipeline = JsonNode.Parse(await admin.GetStringAsync("/api/admin/pipeline"))!;
        pipeline["stages"]![3]!["probability"] = 140;
        pipeline["stages"]![4]!["exitCriteria"] = new JsonArray("amount", "horoscope");
        pipeline["qualificationThreshold"] = -5;
        pipeline["bantWeights"]!["need"] = 90;
        pipeline["lossReasons"]![0]!["name"]!["zh"] = "";

        var response = await AdminAuthorizationMatrixTests.SendAsync(admin, "PUT", "/api/admin/pipeline", pipeline.ToJsonString());
        var shape = await response.ReadJsonAsync();
        var problem = await AdminAuthorizationMatrixTests.SendAsync(admin, "PUT", "/api/admin/pipeline", PipelineWithoutShapeErrors(pipeline));
        var errors = (await problem.ReadJsonAsync()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["stages[4].exitCriteria[1]"], shape.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, problem.StatusCode);
        Assert.Equal(["bantWeights", "lossReasons[0].name.zh", "qualificationThreshold", "stages[3].probability"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("资格门槛", errors.GetProperty("qualificationThreshold")[0].GetString());
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Empty(await db.AuditEntries.Where(a => a.Action == "pipeline.change").ToListAsync());
    }

    private static string PipelineWithoutShapeErrors(JsonNode pipeline)
    {
        var copy = JsonNode.Parse(pipeline.ToJsonString())!;
        copy["stages"]![4]!["exitCriteria"] = new JsonArray("amount");
        return copy.ToJsonString();
    }

    [Fact]
    public async Task QuotasPerRepAndTeamAreSetForAQuarterListedByPeriodAndRefusedByEntryField()
    {
        await using var host = await AddinHost.StartAsync();
        await AdminAuthorizationMatrixTests.PlaceAsync(host);
        var admin = host.AdminClient();

        var set = await AdminAuthorizationMatrixTests.SendAsync(admin, "PUT", "/api/admin/quotas",
            $$"""[{"ownerObjectId":"{{AddinHost.RepA}}","period":"2027-Q1","amount":100000,"currency":"usd"},{"team":"East","period":"2027-Q1","amount":250000,"currency":"USD"},{"team":"East","period":"2027-02","amount":90000,"currency":"USD"}]""");
        var bad = await AdminAuthorizationMatrixTests.SendAsync(admin, "PUT", "/api/admin/quotas",
            """[{"team":"East","period":"2027-Q5","amount":1,"currency":"USD"},{"ownerObjectId":"nobody","period":"2027-01","amount":1,"currency":"USD"},{"team":"East","period":"2027-01","amount":-3,"currency":"USD"}]""");
        var quarter = await (await admin.GetAsync("/api/admin/quotas?period=2027-Q1")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(2, quarter.GetArrayLength());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal(["[0].period", "[1].ownerObjectId", "[2].amount"],
            (await bad.ReadJsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Equal(3, await db.Quotas.CountAsync());
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == "quota.set"));
    }

    [Fact]
    public async Task AnInactiveRepKeepsTheirDealsUntilTheyAreReassignedEachWithHistoryAndANoticeToTheNewOwner()
    {
        await using var host = await AddinHost.StartAsync();
        await AdminAuthorizationMatrixTests.PlaceAsync(host);
        var rep = host.RepClient();
        for (var i = 0; i < 3; i++) await rep.PostJsonAsync("/api/opportunities", new { name = $"Deal {i}", contactEmail = $"c{i}@buyer.example" });
        var admin = host.AdminClient(objectId: "admin-a");

        var off = await AdminAuthorizationMatrixTests.SendAsync(admin, "PATCH", $"/api/admin/people/{AddinHost.RepA}", """{"active":false}""");
        var offView = await off.ReadJsonAsync();
        var moved = await AdminAuthorizationMatrixTests.SendAsync(admin, "POST", "/api/admin/people/reassign",
            $$"""{"fromObjectId":"{{AddinHost.RepA}}","toObjectId":"manager-a"}""");
        var toInactive = await AdminAuthorizationMatrixTests.SendAsync(admin, "POST", "/api/admin/people/reassign",
            $$"""{"fromObjectId":"manager-a","toObjectId":"{{AddinHost.RepA}}"}""");

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal((false, 3), (offView.GetProperty("active").GetBoolean(), offView.GetProperty("openDeals").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(3, (await moved.ReadJsonAsync()).GetProperty("reassigned").GetArrayLength());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, toInactive.StatusCode);
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.All(await db.Opportunities.ToListAsync(), d => Assert.Equal("manager-a", d.OwnerId));
        Assert.Equal(3, await db.OpportunityChanges.CountAsync(c => c.Field == Collaboration.Domain.Opportunities.ChangedField.Owner && c.OldValue == AddinHost.RepA && c.NewValue == "manager-a"));
        var told = (await db.Outbox.Where(m => m.Type == "OwnerAssigned").ToListAsync()).Count(m => m.Payload.Contains("\"ownerId\":\"manager-a\"", StringComparison.Ordinal));
        Assert.Equal(3, told);
        Assert.Contains(await db.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "person.reassign");
    }

    [Fact]
    public async Task ThePeopleCsvPlacesEveryoneOrNamesEveryBadLineAndSavesNothing()
    {
        await using var host = await AddinHost.StartAsync();
        await AdminAuthorizationMatrixTests.PlaceAsync(host);
        var admin = host.AdminClient(objectId: "admin-a");
        const string Manager = "manager-a@seller.example";

        var bad = await AdminAuthorizationMatrixTests.SendAsync(admin, "POST", "/api/admin/people/import",
            $"email,team,manager email\n{AddinHost.RepA}@seller.example,West,{Manager}\nghost@seller.example,West,\n{Manager},West,{Manager}\ntoo,many,cells,here\n");
        var good = await AdminAuthorizationMatrixTests.SendAsync(admin, "POST", "/api/admin/people/import",
            $"email,team,manager email\r\n\"{AddinHost.RepA}@seller.example\",\"West, inside\",{Manager}\r\n");
        var huge = await AdminAuthorizationMatrixTests.SendAsync(admin, "POST", "/api/admin/people/import", string.Concat(Enumerable.Repeat("a@b.c,T,\n", 6_000)));
        var oversized = await AdminAuthorizationMatrixTests.SendAsync(admin, "POST", "/api/admin/people/import", new string('x', 300 * 1024));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal(["line 3", "line 4", "line 5"], (await bad.ReadJsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, huge.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        var rep = await db.Users.SingleAsync(u => u.ObjectId == AddinHost.RepA);
        Assert.Equal(("West, inside", "manager-a", true), (rep.Team, rep.ManagerObjectId, rep.TeamSetByHand));
    }

    [Fact]
    public async Task NurtureRulesArePutWithPlansInBothLanguagesPreviewedAndBadTemplatesNamedByField()
    {
        await using var host = await AddinHost.StartAsync();
        var admin = host.AdminClient();
        var plan = new
        {
            untouchedDays = new { @new = 2, proposal = 12 },
            digestTime = "07:30",
            weeklyDigest = false,
            autoEnrolPlan = "welcome",
            plans = new[]
            {
                new { name = "welcome", steps = new object[]
                {
                    new { day = 0, kind = "email", subject = new { en = "Hello {{ contact }}", zh = "{{ contact }}，您好" }, body = new { en = "About {{ deal }} — {{ rep }}", zh = "关于{{ deal }}" } },
                    new { day = 3, kind = "call" },
                } },
            },
        };

        var saved = await admin.PutAsJsonAsync("/api/admin/nurture", plan, Json.Options);
        var read = await (await admin.GetAsync("/api/admin/nurture")).ReadJsonAsync();
        var preview = await admin.PostJsonAsync("/api/admin/nurture/preview", new
        {
            step = new { day = 0, kind = "email", subject = new { en = "Hello {{ contact }}", zh = "{{ contact }}，您好" }, body = new { en = "x", zh = "关于{{ deal }}" } },
            locale = "zh-CN",
            contact = "王芳",
            deal = "<b>Acme</b>",
        });
        var broken = await admin.PutAsJsonAsync("/api/admin/nurture", new
        {
            plans = new[] { new { name = "welcome", steps = new object[] { new { day = 400, kind = "fax" }, new { day = 1, kind = "email", subject = new { en = "{% if %}" }, body = new { en = "ok" } } } } },
        }, Json.Options);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(("07:30", false, "welcome", 12), (read.GetProperty("digestTime").GetString(), read.GetProperty("weeklyDigest").GetBoolean(),
            read.GetProperty("autoEnrolPlan").GetString(), read.GetProperty("untouchedDays").GetProperty("proposal").GetInt32()));
        var shown = await preview.ReadJsonAsync();
        Assert.Equal(("王芳，您好", "关于<b>Acme</b>"), (shown.GetProperty("subject").GetString(), shown.GetProperty("body").GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        Assert.Equal(["plans[0].steps[0].kind"], (await broken.ReadJsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Single(await db.AuditEntries.Where(a => a.Action == "nurture.change").ToListAsync());
    }

    [Fact]
    public async Task TheAuditLogComesAsJsonOrCsvBetweenTwoDays()
    {
        await using var host = await AddinHost.StartAsync();
        await AdminAuthorizationMatrixTests.PlaceAsync(host);
        var admin = host.AdminClient(objectId: "admin-a");
        await AdminAuthorizationMatrixTests.SendAsync(admin, "PATCH", $"/api/admin/people/{AddinHost.RepA}", """{"team":"West"}""");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var json = await (await admin.GetAsync($"/api/admin/audit?from={today}&to={today}")).ReadJsonAsync();
        var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/audit?from={today}&to={today}");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        var csv = await admin.SendAsync(csvRequest);
        var earlier = await (await admin.GetAsync("/api/admin/audit?from=2020-01-01&to=2020-01-31")).ReadJsonAsync();

        var entry = json.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "person.change");
        Assert.Equal("admin-a", entry.GetProperty("actorObjectId").GetString());
        Assert.Contains("\"team\":\"East\"", entry.GetProperty("before").GetString());
        Assert.Contains("\"team\":\"West\"", entry.GetProperty("after").GetString());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("person.change", await csv.Content.ReadAsStringAsync());
        Assert.Equal(0, earlier.GetArrayLength());
    }
}
