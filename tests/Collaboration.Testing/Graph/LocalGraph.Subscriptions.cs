using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Collaboration.Testing;

/// <summary>/subscriptions: creation validates the notification (and lifecycle) URL with Graph's handshake; renewals and deletes of known ids.</summary>
public sealed partial class LocalGraph
{
    public List<JsonObject> Subscriptions { get; } = [];
    public List<JsonObject> Renewals { get; } = [];
    public List<string> Deleted { get; } = [];
    public HashSet<string> Active { get; } = [];
    public bool HandshakeSucceeded { get; private set; }
    public bool LifecycleHandshakeSucceeded { get; private set; }

    /// <summary>What Graph does on its own when it drops a subscription: later renewals get 404.</summary>
    public void Remove(string id)
    {
        lock (Active) Active.Remove(id);
    }

    private void MapSubscriptions(WebApplication app)
    {
        app.MapPost("/v1.0/subscriptions", async (HttpContext context) =>
        {
            var body = JsonNode.Parse(await RecordAsync(context))!.AsObject();
            const string token = "Validation: Token <1> & more";
            using var validation = new HttpClient();
            var answer = await validation.PostAsync(body["notificationUrl"]!.GetValue<string>() + "?validationToken=" + Uri.EscapeDataString(token), null);
            if (answer.StatusCode != HttpStatusCode.OK || answer.Content.Headers.ContentType?.MediaType != "text/plain" || await answer.Content.ReadAsStringAsync() != token)
            {
                return Error("ValidationError", "Subscription validation request failed.", 400);
            }
            if (body["lifecycleNotificationUrl"]?.GetValue<string>() is { } lifecycleUrl)
            {
                var lifecycle = await validation.PostAsync(lifecycleUrl + "?validationToken=" + Uri.EscapeDataString(token), null);
                if (lifecycle.StatusCode != HttpStatusCode.OK || await lifecycle.Content.ReadAsStringAsync() != token)
                {
                    return Error("ValidationError", "Lifecycle validation request failed.", 400);
                }
                LifecycleHandshakeSucceeded = true;
            }
            HandshakeSucceeded = true;
            lock (Subscriptions)
            {
                body["id"] = $"sub-{Subscriptions.Count + 1}";
                Subscriptions.Add(body);
            }
            lock (Active) Active.Add(body["id"]!.GetValue<string>());
            return Results.Json(body, statusCode: 201);
        });
        app.MapMethods("/v1.0/subscriptions/{id}", [HttpMethods.Patch], async (string id, HttpContext context) =>
        {
            var body = JsonNode.Parse(await RecordAsync(context))!.AsObject();
            lock (Active)
            {
                if (!Active.Contains(id)) return Error("ResourceNotFound", "Not found.", 404);
            }
            body["id"] = id;
            lock (Renewals) Renewals.Add(body);
            return Results.Json(body);
        });
        app.MapDelete("/v1.0/subscriptions/{id}", async (string id, HttpContext context) =>
        {
            await RecordAsync(context);
            lock (Active)
            {
                if (!Active.Remove(id)) return Error("ResourceNotFound", "Not found.", 404);
            }
            lock (Deleted) Deleted.Add(id);
            return Results.NoContent();
        });
    }
}
