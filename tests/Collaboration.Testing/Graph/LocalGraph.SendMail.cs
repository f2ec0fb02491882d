using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Collaboration.Testing;

public sealed record SentMail(string Path, string? Authorization, JsonNode Body);

/// <summary>/users/{id}/sendMail: 202 as Graph answers, or a 500 with an OData error.</summary>
public sealed partial class LocalGraph
{
    private readonly List<SentMail> _sentMails = [];

    public bool SendMailFails { get; set; }

    public IReadOnlyList<SentMail> SentMails
    {
        get { lock (_sentMails) return [.. _sentMails]; }
    }

    private void MapSendMail(WebApplication app) =>
        app.MapPost("/v1.0/users/{id}/sendMail", async (HttpContext context) =>
        {
            // Graph reads action parameters case-insensitively (the SDK writes "Message" and "SaveToSentItems").
            var body = await RecordAsync(context);
            var json = JsonNode.Parse(body is { Length: > 0 } ? body : "{}", new JsonNodeOptions { PropertyNameCaseInsensitive = true }) ?? new JsonObject();
            lock (_sentMails) _sentMails.Add(new SentMail(context.Request.Path, context.Request.Headers.Authorization.FirstOrDefault(), json));
            return SendMailFails ? Error("ErrorInternalServerError", "The mailbox is on fire.", 500) : Results.StatusCode(202);
        });
}
