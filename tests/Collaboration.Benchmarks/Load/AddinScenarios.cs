using System.Net;
using System.Text;
using System.Text.Json;

namespace Collaboration.Benchmarks.Load;

/// <summary>The task pane's two calls when a rep opens an email: resolve it, and create a deal from it.</summary>
public sealed class AddinScenarios(HttpClient http, string baseUrl)
{
    private const string Body =
        "Hi,\n\nThanks for the call. We have budget approved for about $120k this year and would like to start next quarter " +
        "with 50 seats. Sarah Chen, our VP Sales, will sign. Could you send a quote?\n\nBest regards,\nJames";
    private long _created;

    public Func<int, CancellationToken, Task<Outcome>> Resolve() => async (worker, ct) =>
    {
        var contact = Random.Shared.Next(AddinData.Contacts);
        // Half the emails were logged already (a known message id), half are new messages in a known thread.
        var interaction = contact + (long)AddinData.Contacts * Random.Shared.Next(AddinData.InteractionsPerContact);
        var messageId = Random.Shared.Next(2) == 0 ? AddinData.MessageId(interaction) : $"<new-{Guid.NewGuid():N}@bench.example>";
        var (status, body) = await PostAsync("/api/emails/resolve", worker, Email(contact, messageId, AddinData.ConversationId(interaction)), ct);
        return status == HttpStatusCode.OK ? Outcome.Success : Outcome.Fail($"HTTP {(int)status}: {Trim(body)}");
    };

    public Func<int, CancellationToken, Task<Outcome>> FromEmail() => async (worker, ct) =>
    {
        var contact = Random.Shared.Next(AddinData.Contacts);
        var n = Interlocked.Increment(ref _created);
        var email = Email(contact, $"<created-{Guid.NewGuid():N}@bench.example>", $"conv-created-{Guid.NewGuid():N}");
        email["dealName"] = $"Bench deal {n}";
        var (status, body) = await PostAsync("/api/opportunities/from-email", worker, email, ct);
        return status == HttpStatusCode.Created ? Outcome.Success : Outcome.Fail($"HTTP {(int)status}: {Trim(body)}");
    };

    private static Dictionary<string, object?> Email(int contact, string messageId, string conversationId) => new()
    {
        ["from"] = new { name = $"Contact {contact}", address = AddinData.ContactEmail(contact) },
        ["to"] = new[] { new { name = "Rep", address = "rep@seller.example" } },
        ["cc"] = Array.Empty<object>(),
        ["subject"] = "Pricing for 50 seats",
        ["bodyText"] = Body,
        ["internetMessageId"] = messageId,
        ["conversationId"] = conversationId,
        ["receivedAt"] = DateTimeOffset.UtcNow,
    };

    private async Task<(HttpStatusCode, string)> PostAsync(string path, int worker, object payload, CancellationToken ct)
    {
        var rep = AddinData.Rep(worker);
        using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + path)
        {
            Content = new StringContent(JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Dev-Tenant", AddinData.TenantId);
        request.Headers.Add("X-Dev-User", rep);
        request.Headers.Add("X-Dev-Name", $"Rep {rep}");
        request.Headers.Add("X-Dev-Email", $"{rep}@seller.example");
        using var response = await http.SendAsync(request, ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    private static string Trim(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
