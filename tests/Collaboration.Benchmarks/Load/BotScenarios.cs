using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Collaboration.Testing;

namespace Collaboration.Benchmarks.Load;

/// <summary>One simulated Teams user in a personal chat with the bot, and the deal their card clicks move.</summary>
public sealed class BotUser(int index)
{
    public int Index { get; } = index;
    public string ObjectId => $"aad-bench-{Index:D3}";
    public string ConversationId => $"a:bench-{Index:D3};messageid=1";
    public string DealId { get; set; } = string.Empty;
    public int Version { get; set; }
    public bool AtQualify { get; set; }
}

/// <summary>
/// Builds the activities Teams would post (same JSON for our bot and for the botbuilder baseline), signs them with
/// the local issuer's key (one token per serviceUrl, reused like the Bot Connector does) and posts them.
/// </summary>
public sealed class BotClient(HttpClient http, string messagesUrl, string serviceUrl, string token)
{
    public const string TenantId = "bench-tenant";
    public const string AppId = "11111111-2222-3333-4444-555555555555";

    private readonly AuthenticationHeaderValue _auth = new("Bearer", token);

    public string Envelope(BotUser user, string type) =>
        $"\"type\":\"{type}\",\"id\":\"{Guid.NewGuid():N}\",\"timestamp\":\"{DateTimeOffset.UtcNow:O}\",\"channelId\":\"msteams\"," +
        $"\"serviceUrl\":\"{serviceUrl}\",\"locale\":\"en-US\"," +
        $"\"from\":{{\"id\":\"29:{user.ObjectId}\",\"name\":\"Bench User {user.Index}\",\"aadObjectId\":\"{user.ObjectId}\"}}," +
        "\"recipient\":{\"id\":\"28:collaboration-bot\",\"name\":\"Collaboration\"}," +
        $"\"conversation\":{{\"id\":\"{user.ConversationId}\",\"conversationType\":\"personal\",\"tenantId\":\"{TenantId}\"}}," +
        $"\"channelData\":{{\"tenant\":{{\"id\":\"{TenantId}\"}}}}";

    public string Message(BotUser user, string text) => "{" + Envelope(user, "message") + $",\"text\":\"{text}\",\"textFormat\":\"plain\"}}";

    public string MoveInvoke(BotUser user, string target) =>
        "{" + Envelope(user, "invoke") + ",\"name\":\"adaptiveCard/action\",\"replyToId\":\"card-1\",\"value\":{\"action\":{\"type\":\"Action.Execute\",\"verb\":\"move\"," +
        $"\"data\":{{\"verb\":\"move\",\"dealId\":\"{user.DealId}\",\"version\":{user.Version.ToString(CultureInfo.InvariantCulture)},\"target\":\"{target}\"}}}},\"trigger\":\"manual\"}}}}";

    public async Task<(HttpStatusCode Status, string Body)> PostAsync(string json, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, messagesUrl) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = _auth;
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return (response.StatusCode, body);
    }
}

public static class BotScenarios
{
    public static BotUser[] Users(int count) => Enumerable.Range(0, count).Select(i => new BotUser(i)).ToArray();

    /// <summary>Each user creates a few deals by chat (so `my deals` lists something); their first deal is the one clicks move.</summary>
    public static async Task SeedAsync(BotClient client, BotUser[] users, int dealsPerUser, BotDatabase database)
    {
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (user, ct) =>
        {
            for (var d = 0; d < dealsPerUser; d++)
            {
                var (status, body) = await client.PostAsync(client.Message(user, $"new deal Account{user.Index:D3} Deal{d} {(d + 1) * 10}k"), ct);
                if (status != HttpStatusCode.OK) throw new InvalidOperationException($"Seeding failed: {(int)status} {body}");
            }
        });
        await using var connection = database.OpenReader();
        await connection.OpenAsync();
        foreach (var user in users)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {database.Quote("Id")}, {database.Quote("Version")}, {database.Quote("Stage")} FROM {database.Quote("Opportunities")} " +
                $"WHERE {database.Quote("OwnerId")} = @owner AND {database.Quote("Name")} LIKE '%Deal0%' LIMIT 1";
            var owner = command.CreateParameter();
            owner.ParameterName = "owner";
            owner.Value = user.ObjectId;
            command.Parameters.Add(owner);
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync()) throw new InvalidOperationException($"No seeded deal for {user.ObjectId}");
            user.DealId = Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!.ToLowerInvariant();
            user.Version = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            user.AtQualify = Convert.ToString(reader.GetValue(2), CultureInfo.InvariantCulture) == "Qualify";
        }
    }

    /// <summary>The fewest and most stage stays (StageStints rows) among the deals the clicks move.</summary>
    public static async Task<(long Fewest, long Most)> StintsOfClickedDealsAsync(BotUser[] users, BotDatabase database)
    {
        await using var connection = database.OpenReader();
        await connection.OpenAsync();
        var counts = new List<long>();
        foreach (var user in users)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {database.Quote("StageStints")} WHERE lower(CAST({database.Quote("OpportunityId")} AS TEXT)) = @deal";
            var deal = command.CreateParameter();
            deal.ParameterName = "deal";
            deal.Value = user.DealId;
            command.Parameters.Add(deal);
            counts.Add(Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
        }
        return (counts.Min(), counts.Max());
    }

    /// <summary>(a) `my deals`: the bot reads the rep's open deals, draws the list card and posts it to the connector before its 200.</summary>
    public static Func<int, CancellationToken, Task<Outcome>> MyDeals(BotClient client, BotUser[] users, bool expectCard) => async (worker, ct) =>
    {
        var (status, body) = await client.PostAsync(client.Message(users[worker], "my deals"), ct);
        return status == HttpStatusCode.OK ? Outcome.Success : Outcome.Fail($"HTTP {(int)status}: {Trim(body)}");
    };

    /// <summary>(b) a stage change by card click: Action.Execute `move` carrying the deal's current version, alternating New ↔ Qualify.</summary>
    public static Func<int, CancellationToken, Task<Outcome>> MoveStage(BotClient client, BotUser[] users, string expectedText) => async (worker, ct) =>
    {
        var user = users[worker];
        var target = user.AtQualify ? "new" : "qualify";
        var (status, body) = await client.PostAsync(client.MoveInvoke(user, target), ct);
        if (status != HttpStatusCode.OK) return Outcome.Fail($"HTTP {(int)status}: {Trim(body)}");
        if (!body.Contains(expectedText, StringComparison.Ordinal))
        {
            return Outcome.Fail("The card does not confirm the move: " + Trim(body));
        }
        user.Version++;
        user.AtQualify = !user.AtQualify;
        return Outcome.Success;
    };

    private static string Trim(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
