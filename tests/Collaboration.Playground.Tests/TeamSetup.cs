using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Playground.Tests;

internal static class Team
{
    /// <summary>Moves a deal through POST /api/opportunities/{id}/stage, as the task pane in Outlook does.</summary>
    public static async Task MoveAsync(HttpClient rep, Guid dealId, int version, string stage)
    {
        var response = await rep.PostAsJsonAsync($"/api/opportunities/{dealId}/stage", new { stage, expectedVersion = version });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
    }

    /// <summary>Puts reps in one team, so each may see and move the others' deals.</summary>
    public static async Task PlaceAsync(TestDatabase db, string tenantId, string team, params string[] objectIds)
    {
        await using var context = db.Database.Open(tenantId);
        foreach (var user in await context.Users.Where(u => objectIds.Contains(u.ObjectId)).ToListAsync()) user.PlaceInTeam(team, null);
        await context.SaveChangesAsync();
    }

    public static async Task<(Guid Id, int Version)> DealAsync(TestDatabase db, string tenantId, string name)
    {
        await using var context = db.Database.Open(tenantId);
        var deal = await context.Opportunities.AsNoTracking().SingleAsync(o => o.Name == name);
        return (deal.Id, deal.Version);
    }

    public static JsonObject? CardOf(string activityJson) =>
        JsonNode.Parse(activityJson)?["attachments"]?.AsArray().FirstOrDefault()?["content"]?.AsObject();

    public static string Text(JsonNode? card) => string.Join("\n", Cards.Walk(card)
        .SelectMany(o => new[] { o["text"], o["title"], o["value"] })
        .OfType<JsonValue>()
        .Where(v => v.GetValueKind() == JsonValueKind.String)
        .Select(v => v.GetValue<string>()));
}
