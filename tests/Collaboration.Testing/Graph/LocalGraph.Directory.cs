using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Collaboration.Testing;

/// <param name="PreferredLanguage">Graph's preferredLanguage (e.g. "zh-CN"); absent when null.</param>
/// <param name="DisplayName">The id in capitals when null.</param>
/// <param name="Mail">id@contoso.example when null.</param>
public sealed record DirectoryPerson(string Id, string? Department, string? Manager, bool Enabled = true, string? PreferredLanguage = null,
    string? DisplayName = null, string? Mail = null);

/// <summary>The directory: /users in pages (@odata.nextLink), /users/{id}/manager (404 for no manager), /groups/{id}/members.</summary>
public sealed partial class LocalGraph
{
    private int _userPages;

    public List<DirectoryPerson> People { get; } = [];

    public int UsersPerPage { get; set; } = 100;

    /// <summary>Members of each group, one page per inner array.</summary>
    public Dictionary<string, string[][]> GroupMembers { get; } = [];

    /// <summary>When set, /users answers 401 to any other Authorization header.</summary>
    public string? RequiredAuthorization { get; set; }

    /// <summary>Pages of /users served.</summary>
    public int UserPages => Volatile.Read(ref _userPages);

    private void MapDirectory(WebApplication app)
    {
        app.MapGet("/v1.0/users", (HttpContext context) =>
        {
            if (RequiredAuthorization is { } required && context.Request.Headers.Authorization != required) return Results.StatusCode(401);
            Interlocked.Increment(ref _userPages);
            var page = Page(context);
            var body = new JsonObject
            {
                ["value"] = new JsonArray(People.Skip(page * UsersPerPage).Take(UsersPerPage).Select(p => (JsonNode)new JsonObject
                {
                    ["id"] = p.Id,
                    ["displayName"] = p.DisplayName ?? p.Id.ToUpperInvariant(),
                    ["mail"] = p.Mail ?? $"{p.Id}@contoso.example",
                    ["department"] = p.Department,
                    ["accountEnabled"] = p.Enabled,
                    ["preferredLanguage"] = p.PreferredLanguage,
                }).ToArray()),
            };
            if ((page + 1) * UsersPerPage < People.Count) body["@odata.nextLink"] = new Uri(Address, $"v1.0/users?$skiptoken={page + 1}").ToString();
            return JsonText(body);
        });
        app.MapGet("/v1.0/users/{id}/manager", (string id) =>
            People.FirstOrDefault(p => p.Id == id)?.Manager is { } manager
                ? JsonText(new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = manager })
                : Error("Request_ResourceNotFound", "Resource 'manager' does not exist.", 404));
        app.MapGet("/v1.0/groups/{id}/members", (string id, HttpContext context) =>
        {
            if (!GroupMembers.TryGetValue(id, out var pages)) return Results.StatusCode(404);
            var page = Page(context);
            var body = new JsonObject
            {
                ["value"] = new JsonArray(pages[page].Select(member => (JsonNode)new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = member }).ToArray()),
            };
            if (page + 1 < pages.Length) body["@odata.nextLink"] = new Uri(Address, $"v1.0/groups/{id}/members?$skiptoken={page + 1}").ToString();
            return JsonText(body);
        });
    }

    private static int Page(HttpContext context) => int.TryParse(context.Request.Query["$skiptoken"], out var page) ? page : 0;
}
