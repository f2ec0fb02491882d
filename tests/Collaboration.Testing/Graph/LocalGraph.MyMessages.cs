using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Collaboration.Testing;

/// <summary>The signed-in user's messages (/me/messages/{id}): one message under any id, whose categories a PATCH replaces.</summary>
public sealed partial class LocalGraph
{
    /// <summary>An item id Graph does not know (404 ErrorItemNotFound).</summary>
    public const string MissingItem = "AAMk-missing";

    /// <summary>The message's properties (without id and categories).</summary>
    public Dictionary<string, object?> MyMessage { get; set; } = [];

    public List<string> MyCategories { get; set; } = [];

    private void MapMyMessages(WebApplication app) =>
        app.Map("/v1.0/me/messages/{id}", async (string id, HttpContext context) =>
        {
            if (id == MissingItem) return Error("ErrorItemNotFound", "The specified object was not found in the store.", 404);
            var body = await RecordAsync(context);
            if (HttpMethods.IsPatch(context.Request.Method))
            {
                MyCategories = JsonNode.Parse(body)!["categories"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
            }

            return Results.Json(new Dictionary<string, object?>(MyMessage) { ["id"] = id, ["categories"] = MyCategories });
        });
}
