using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Application.Notifications;
using Collaboration.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collaboration.Addin.Tests;

/// <summary>Keeping a deal up to date from the task pane: details, reopen, timeline, follow-up plans, the review prompt.</summary>
public class DealUpkeepEndpointTests
{
    private static async Task<(Guid Id, int Version)> NewDealAsync(HttpClient rep, string sender = "buyer@contoso.com")
    {
        var deal = await (await rep.PostJsonAsync("/api/opportunities/from-email", PaneEmails.From(sender))).ReadJsonAsync();
        return (deal.GetProperty("id").GetGuid(), deal.GetProperty("version").GetInt32());
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, Guid id, object body) =>
        client.PatchAsJsonAsync($"/api/opportunities/{id}", body, Json.Options);

    private static async Task<JsonElement> DealAsync(HttpClient client, Guid id) => await (await client.GetAsync($"/api/opportunities/{id}")).ReadJsonAsync();

    private static async Task PlaceAsync(AddinHost host, string objectId, string team, string? manager)
    {
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        (await db.Users.SingleAsync(u => u.ObjectId == objectId)).PlaceInTeam(team, manager);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task PatchingADealCreatedFromAnEmailSetsEveryDetailAndAnswersTheDealView()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();
        var (id, version) = await NewDealAsync(rep);

        var response = await PatchAsync(rep, id, new
        {
            expectedVersion = version,
            name = "Contoso – 80 seats",
            amount = 48_000m,
            currency = "eur",
            closeDate = "2027-01-31",
            probability = 60,
            nextStep = "Send pricing",
            nextStepDue = "2026-12-04",
            primaryContactEmail = "priya@lumenfield.com",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.ReadJsonAsync();
        Assert.Equal("Contoso – 80 seats", view.GetProperty("name").GetString());
        Assert.Equal((48_000m, "EUR", "2027-01-31"), (view.GetProperty("amount").GetDecimal(), view.GetProperty("currency").GetString(), view.GetProperty("closeDate").GetString()));
        Assert.Equal(60, view.GetProperty("probability").GetInt32());
        Assert.Equal(("Send pricing", "2026-12-04"), (view.GetProperty("nextStep").GetString(), view.GetProperty("nextStepDue").GetString()));
        Assert.Equal("priya@lumenfield.com", view.GetProperty("primaryContact").GetProperty("email").GetString());
        Assert.Equal(version + 1, view.GetProperty("version").GetInt32());

        var auto = await (await PatchAsync(rep, id, new { expectedVersion = version + 1, probability = "auto" })).ReadJsonAsync();
        Assert.Equal(5, auto.GetProperty("probability").GetInt32());
    }

    [Fact]
    public async Task AnEmptyNextStepClearsItAndItsDueDate()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();
        var (id, version) = await NewDealAsync(rep);
        await PatchAsync(rep, id, new { expectedVersion = version, nextStep = "Send pricing", nextStepDue = "2026-12-04" });

        var cleared = await (await PatchAsync(rep, id, new { expectedVersion = version + 1, nextStep = "" })).ReadJsonAsync();

        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (cleared.GetProperty("nextStep").ValueKind, cleared.GetProperty("nextStepDue").ValueKind));
        var timeline = await (await rep.GetAsync($"/api/opportunities/{id}/timeline")).ReadJsonAsync();
        var latest = timeline.EnumerateArray().Take(2).Select(e => (e.GetProperty("field").GetString(), e.GetProperty("oldValue").GetString(), e.GetProperty("newValue").ValueKind));
        Assert.Equal([("nextStepDue", "2026-12-04", JsonValueKind.Null), ("nextStep", "Send pricing", JsonValueKind.Null)], latest);
    }

    [Fact]
    public async Task AStalePatchIsAConflictAndChangesNothing()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();
        var (id, version) = await NewDealAsync(rep);
        await PatchAsync(rep, id, new { expectedVersion = version, amount = 10_000m });

        var stale = await PatchAsync(rep, id, new { expectedVersion = version, amount = 99_000m, name = "Overwritten" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(version + 1, (await stale.ReadJsonAsync()).GetProperty("currentVersion").GetInt32());
        var deal = await DealAsync(rep, id);
        Assert.Equal((10_000m, "Pricing for 50 seats"), (deal.GetProperty("amount").GetDecimal(), deal.GetProperty("name").GetString()));
    }

    public static TheoryData<string, string, string> InvalidValues => new()
    {
        { "name", """{ "name": "   " }""", "name_required" },
        { "amount", """{ "amount": -1 }""", "invalid_amount" },
        { "currency", """{ "currency": "euros" }""", "invalid_currency" },
        { "probability", """{ "probability": 101 }""", "invalid_probability" },
        { "probability", """{ "probability": "sometimes" }""", "invalid_probability" },
        { "nextStep", $$"""{ "nextStep": "{{new string('x', 501)}}" }""", "next_step_too_long" },
        { "primaryContactEmail", """{ "primaryContactEmail": "not an address" }""", "invalid_email" },
        { "ownerObjectId", """{ "ownerObjectId": "someone-i-cannot-see" }""", "unknown_owner" },
    };

    [Theory, MemberData(nameof(InvalidValues))]
    public async Task AnInvalidValueIsRefusedNamingItsFieldAndNothingIsSaved(string field, string invalid, string code)
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient(acceptLanguage: "zh-CN");
        var (id, version) = await NewDealAsync(rep);
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(invalid)!;
        body["expectedVersion"] = JsonSerializer.SerializeToElement(version);
        body.TryAdd("name", JsonSerializer.SerializeToElement("Renamed"));
        body.TryAdd("closeDate", JsonSerializer.SerializeToElement("2027-01-31"));

        var response = await PatchAsync(rep, id, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal((code, field), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("detail").GetString());
        var deal = await DealAsync(rep, id);
        Assert.Equal(("Pricing for 50 seats", version), (deal.GetProperty("name").GetString(), deal.GetProperty("version").GetInt32()));
        Assert.Equal(JsonValueKind.Null, deal.GetProperty("closeDate").ValueKind);
    }

    [Fact]
    public async Task AManagerReassignsADealAndTheNewOwnerIsToldInTeams()
    {
        await using var host = await AddinHost.StartAsync();
        var boss = host.RepClient(objectId: "boss");
        var alice = host.RepClient(objectId: "alice");
        await DealAsync(alice, Guid.NewGuid());
        var (id, version) = await NewDealAsync(boss);
        await PlaceAsync(host, "boss", "east", null);
        await PlaceAsync(host, "alice", "east", "boss");

        var response = await PatchAsync(boss, id, new { expectedVersion = version, ownerObjectId = "alice" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alice", (await response.ReadJsonAsync()).GetProperty("ownerId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/api/opportunities/{id}")).StatusCode);
        var deliveries = await DispatchAsync(host);
        Assert.Contains(deliveries, d => d.Recipient == "alice" && d.Kind == NotificationKind.OwnerAssigned);
    }

    [Fact]
    public async Task AManagerMayHandADealToTheirTeamAndARepOnlyKeepsIt()
    {
        await using var host = await AddinHost.StartAsync();
        var boss = host.RepClient(objectId: "boss");
        var alice = host.RepClient(objectId: "alice");
        foreach (var signedIn in new[] { host.RepClient(objectId: "stranger"), boss, alice }) await signedIn.GetAsync("/api/opportunities/owners");
        await PlaceAsync(host, "boss", "east", null);
        await PlaceAsync(host, "alice", "west", "boss");

        var forBoss = await (await boss.GetAsync("/api/opportunities/owners")).ReadJsonAsync();
        var forAlice = await (await alice.GetAsync("/api/opportunities/owners")).ReadJsonAsync();

        Assert.Equal([("boss", "Rep boss"), ("alice", "Rep alice")],
            forBoss.EnumerateArray().Select(o => (o.GetProperty("objectId").GetString(), o.GetProperty("name").GetString())));
        Assert.Equal(["alice"], forAlice.EnumerateArray().Select(o => o.GetProperty("objectId").GetString()));
    }

    [Fact]
    public async Task AClosedDealIsReopenedIntoTheStageItClosedFromWithAReason()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();
        var (id, version) = await NewDealAsync(rep);
        var qualify = await (await rep.PostJsonAsync($"/api/opportunities/{id}/stage", new { stage = "qualify", expectedVersion = version })).ReadJsonAsync();
        var lost = await (await rep.PostJsonAsync($"/api/opportunities/{id}/stage",
            new { stage = "lost", lossReason = "price", expectedVersion = qualify.GetProperty("version").GetInt32() })).ReadJsonAsync();
        var closedVersion = lost.GetProperty("version").GetInt32();

        var noReason = await rep.PostJsonAsync($"/api/opportunities/{id}/reopen", new { expectedVersion = closedVersion, reason = "" });
        var reopened = await rep.PostJsonAsync($"/api/opportunities/{id}/reopen", new { expectedVersion = closedVersion, reason = "Budget freed up" });
        var editable = await PatchAsync(rep, id, new { expectedVersion = closedVersion + 1, amount = 5_000m });

        Assert.Equal("lost", lost.GetProperty("stage").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal("reopen_reason_required", (await noReason.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal("qualify", (await reopened.ReadJsonAsync()).GetProperty("stage").GetString());
        Assert.Equal(HttpStatusCode.OK, editable.StatusCode);
        var timeline = await (await rep.GetAsync($"/api/opportunities/{id}/timeline?limit=5")).ReadJsonAsync();
        var stage = timeline.EnumerateArray().First(e => e.GetProperty("kind").GetString() == "stage");
        Assert.Equal(("lost", "qualify", "Budget freed up"), (stage.GetProperty("oldValue").GetString(), stage.GetProperty("newValue").GetString(), stage.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task TheTimelineListsTouchesAndChangesNewestFirstToThoseWhoMaySeeTheDeal()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();
        var (id, version) = await NewDealAsync(rep);
        var renamed = await (await PatchAsync(rep, id, new { expectedVersion = version, name = "Contoso – 80 seats", primaryContactEmail = "priya@lumenfield.com" })).ReadJsonAsync();
        await rep.PostJsonAsync($"/api/opportunities/{id}/stage", new { stage = "qualify", expectedVersion = renamed.GetProperty("version").GetInt32() });

        var response = await rep.GetAsync($"/api/opportunities/{id}/timeline");
        var other = await host.RepClient(objectId: "rep-other").GetAsync($"/api/opportunities/{id}/timeline");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = (await response.ReadJsonAsync()).EnumerateArray().ToList();
        var times = entries.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Contains(entries.TakeWhile(e => e.GetProperty("at").GetDateTimeOffset() == times[0]), e => e.GetProperty("kind").GetString() == "stage");
        Assert.Equal(["change", "interaction", "stage"], entries.Select(e => e.GetProperty("kind").GetString()).Distinct().Order());
        var name = entries.Single(e => e.GetProperty("field").ValueKind == JsonValueKind.String && e.GetProperty("field").GetString() == "name");
        Assert.Equal(("Pricing for 50 seats", "Contoso – 80 seats"), (name.GetProperty("oldValue").GetString(), name.GetProperty("newValue").GetString()));
        Assert.Equal(("outlook", "Rep rep-a"), (name.GetProperty("surface").GetString(), name.GetProperty("who").GetString()));
        Assert.Contains(entries, e => e.GetProperty("field").ValueKind == JsonValueKind.String && e.GetProperty("field").GetString() == "primaryContact"
            && e.GetProperty("newValue").GetString() == "priya@lumenfield.com");
        Assert.Contains(entries, e => e.GetProperty("kind").GetString() == "interaction" && e.GetProperty("summary").GetString()!.StartsWith("Email: Pricing for 50 seats", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task ARepStartsStopsAndCompletesAFollowUpPlan()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();
        var (id, _) = await NewDealAsync(rep);
        var path = $"/api/opportunities/{id}/follow-up-plan";

        var started = await rep.PostJsonAsync(path, new { plan = "standard" });
        var twice = await rep.PostJsonAsync(path, new { plan = "standard" });
        var done = await rep.PostAsync($"{path}/steps/2/done", null);
        var outside = await rep.PostAsync($"{path}/steps/9/done", null);
        var stopped = await rep.DeleteAsync(path);
        var stoppedAgain = await rep.DeleteAsync(path);
        var strangers = await host.RepClient(objectId: "rep-other").PostJsonAsync(path, new { plan = "standard" });

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var plan = await started.ReadJsonAsync();
        Assert.Equal(("standard", true, 3), (plan.GetProperty("plan").GetString(), plan.GetProperty("running").GetBoolean(), plan.GetProperty("steps").GetArrayLength()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Equal("plan_running", (await twice.ReadJsonAsync()).GetProperty("code").GetString());
        var afterDone = await done.ReadJsonAsync();
        Assert.Equal(2, afterDone.GetProperty("stepsDone").GetInt32());
        Assert.Equal([true, true, false], afterDone.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("done").GetBoolean()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
        var afterStop = await stopped.ReadJsonAsync();
        Assert.Equal((false, "stopped"), (afterStop.GetProperty("running").GetBoolean(), afterStop.GetProperty("stopReason").GetString()));
        Assert.Equal("plan_not_running", (await stoppedAgain.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, strangers.StatusCode);
    }

    [Fact]
    public async Task EachTenantsOwnFollowUpPlansAreListedForARepToPickOneWithoutTheirEmailTemplates()
    {
        await using var host = await AddinHost.StartAsync();
        var quarterly = new Domain.Nurture.FollowUpPlan("quarterly", [new Domain.Nurture.FollowUpStep(90, "call", Domain.Nurture.FollowUpStepKind.Call)]);
        await new Application.Nurture.NurtureService(host.Db.Database, TimeProvider.System)
            .ChangeRulesAsync(AddinHost.TenantA, new Domain.Nurture.NurtureRules { Plans = [Domain.Nurture.FollowUpPlan.Standard, quarterly] });

        var plans = await (await host.RepClient().GetAsync("/api/follow-up-plans")).ReadJsonAsync();
        var otherTenant = await (await host.RepClient(AddinHost.TenantB, "rep-b").GetAsync("/api/follow-up-plans")).ReadJsonAsync();

        Assert.Equal(["standard", "quarterly"], plans.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var standard = plans[0];
        Assert.Equal([(0, "send_brochure", "email"), (7, "call", "call"), (21, "send_case_study", "email")],
            standard.GetProperty("steps").EnumerateArray().Select(s => (s.GetProperty("day").GetInt32(), s.GetProperty("action").GetString(), s.GetProperty("kind").GetString())));
        Assert.False(standard.GetProperty("steps")[0].TryGetProperty("body", out _));
        Assert.Equal(["standard"], otherTenant.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task ClosingADealThroughTheApiAsksItsOwnerForAReviewInTeams()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();
        var (id, version) = await NewDealAsync(rep);

        var lost = await rep.PostJsonAsync($"/api/opportunities/{id}/stage", new { stage = "lost", lossReason = "competitor", competitor = "Fabrikam", expectedVersion = version });
        var deliveries = await DispatchAsync(host);

        Assert.Equal(HttpStatusCode.OK, lost.StatusCode);
        var prompt = Assert.Single(deliveries, d => d.Kind == NotificationKind.ReviewRequested);
        Assert.Equal((RecipientKind.User, AddinHost.RepA), (prompt.RecipientKind, prompt.Recipient));
        var message = DeliveryPayload.Deserialize(prompt.Payload);
        Assert.Equal((id, "Fabrikam"), (message.OpportunityId, message.Competitor));
    }

    /// <summary>What the bot host's dispatcher would make of the add-in's outbox rows.</summary>
    private static async Task<List<Delivery>> DispatchAsync(AddinHost host)
    {
        var dispatcher = new OutboxDispatcher(host.Db.Database,
            [new OwnerHearsOfStageChanges(), new NewOwnerHearsOfAssignment(), new SubscribedChannelsHear(), new OwnerIsAskedForReview()],
            new NotificationOptions(), TimeProvider.System, NullLogger<OutboxDispatcher>.Instance);
        await dispatcher.DrainAsync();
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        return await db.Deliveries.AsNoTracking().ToListAsync();
    }
}

public class DealUpkeepOpenApiTests
{
    [Fact]
    public async Task TheOpenApiDocumentDescribesTheUpkeepEndpoints()
    {
        await using var host = await AddinHost.StartAsync();

        var document = await (await host.Client().GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/opportunities/{id}").TryGetProperty("patch", out _));
        Assert.True(paths.GetProperty("/api/opportunities/{id}/reopen").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/opportunities/{id}/timeline").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/opportunities/{id}/follow-up-plan").TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/api/opportunities/{id}/follow-up-plan/steps/{n}/done").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/follow-up-plans").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/opportunities/owners").TryGetProperty("get", out _));
    }
}
