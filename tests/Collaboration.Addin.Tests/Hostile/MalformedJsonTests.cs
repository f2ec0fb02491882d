using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Collaboration.Addin.Tests.Hostile;

/// <summary>Every add-in endpoint that reads a JSON body, sent bodies that are not the JSON it expects.</summary>
public class MalformedJsonTests
{
    private static readonly Guid SomeDeal = Guid.NewGuid();

    // Not Production itself: there Identity.Web requires https metadata, which the local issuer on 127.0.0.1 does not serve.
    public static TheoryData<string> Environments => new() { "Development", "Testing", "Staging" };

    private static readonly (HttpMethod Method, string Path)[] JsonEndpoints =
    [
        (HttpMethod.Post, "/api/emails/resolve"),
        (HttpMethod.Post, "/api/opportunities/from-email"),
        (HttpMethod.Post, $"/api/opportunities/{SomeDeal}/emails"),
        (HttpMethod.Post, "/api/opportunities"),
        (HttpMethod.Post, $"/api/opportunities/{SomeDeal}/stage"),
        (HttpMethod.Put, $"/api/opportunities/{SomeDeal}/qualification"),
        (HttpMethod.Put, "/api/admin/assignment-rules"),
        (HttpMethod.Post, "/api/admin/forms"),
    ];

    private static readonly string[] MalformedBodies =
    [
        "{\"from\": {\"address\": ",
        "not json at all",
        "{\"subject\": \"unterminated",
        "[1, 2, 3",
        "\"a string where an object or a list belongs\"",
        "\u0000\u0001\u0002",
    ];

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task MalformedJsonAnswers400AsProblemJsonInEveryEnvironment(string environment)
    {
        // Development sign-in exists only in Development: elsewhere the caller is an admin with a real token from a local issuer.
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        var development = environment == "Development";
        await using var host = await AddinHost.StartAsync(settings: development ? null : issuer.AzureAdSettings(), environment: environment);
        var client = development ? host.RepClient() : host.Client();
        if (development) client.DefaultRequestHeaders.Add("X-Dev-Roles", "Crm.Admin");
        else client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Token(roles: ["Crm.Admin"]));

        foreach (var (method, path) in JsonEndpoints)
        {
            foreach (var body in MalformedBodies)
            {
                var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path} with {body}: {(int)response.StatusCode} in {environment}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                var problem = await response.ReadJsonAsync();
                Assert.Equal(400, problem.GetProperty("status").GetInt32());
                Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
            }
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/opportunities?mine=true")).StatusCode);
    }

    [Fact]
    public async Task TheReasonNamesWhereTheJsonBroke()
    {
        await using var host = await AddinHost.StartAsync(settings: new Dictionary<string, string?> { ["environment"] = "Development" });

        var response = await host.RepClient().PostAsync("/api/emails/resolve", new StringContent("{\"subject\": 12}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.subject", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ThePublicFormEndpointReadingJsonItselfNeverAnswers5xx()
    {
        await using var host = await AddinHost.StartAsync(settings: new Dictionary<string, string?> { ["environment"] = "Development" });
        var client = host.Client();

        foreach (var path in new[] { "/api/capture/forms/no-such-form" })
        {
            foreach (var body in MalformedBodies)
            {
                var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

                Assert.True((int)response.StatusCode < 500, $"{path} with {body}: {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task GraphWebhooksSentJsonOfTheWrongShapeNeverAnswer5xx()
    {
        await using var host = await AddinHost.StartAsync(settings: new Dictionary<string, string?> { ["environment"] = "Development" });
        var client = host.Client();
        string[] wrongShapes =
        [
            "[1, 2, 3]", "\"value\"", "42", "null", "{\"value\": 7}",
            "{\"value\": [1, \"a\", null, [], {\"resourceData\": \"x\"}, {\"resourceData\": {\"id\": 5}}, {\"clientState\": 3}]}",
        ];

        foreach (var path in new[] { "/api/graph/notifications", "/api/graph/lifecycle" })
        {
            foreach (var body in wrongShapes.Concat(MalformedBodies))
            {
                var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

                Assert.True((int)response.StatusCode < 500, $"{path} with {body}: {(int)response.StatusCode}");
            }
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
