using System.Net;
using System.Text.RegularExpressions;

namespace Collaboration.Addin.Tests;

public class DashboardTests
{
    [Theory]
    [InlineData("/dashboard", "text/html")]
    [InlineData("/dashboard.js", "text/javascript")]
    [InlineData("/dashboard.css", "text/css")]
    [InlineData("/dashboard-teams.js", "text/javascript")]
    public async Task ThePageAndItsFilesAreServedWithTheirTypesAndAStrictPolicy(string path, string mediaType)
    {
        await using var host = await AddinHost.StartAsync();

        var response = await host.Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Contains("frame-ancestors 'self' https://teams.microsoft.com", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(response.Headers.Contains("X-Frame-Options"), "Teams shows the page in a frame.");
    }

    [Fact]
    public async Task ThePageHasNoInlineScriptAndUsesOnlyRelativeUrls()
    {
        await using var host = await AddinHost.StartAsync();

        var html = await host.Client().GetStringAsync("/dashboard");

        var scripts = Regex.Matches(html, "<script[^>]*>", RegexOptions.IgnoreCase).Select(m => m.Value).ToList();
        Assert.Equal(["<script type=\"module\" src=\"dashboard.js\"></script>"[..^9]], scripts);
        Assert.DoesNotMatch(new Regex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"(src|href)=""(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.Contains("name=\"viewport\"", html);
    }

    [Fact]
    public async Task TheScriptBuildsTheDomWithTextOnly()
    {
        await using var host = await AddinHost.StartAsync();

        var script = await host.Client().GetStringAsync("/dashboard.js");

        foreach (var sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "window.open" })
        {
            Assert.DoesNotContain(sink, script);
        }
        Assert.Contains("textContent", script);
        Assert.Contains("fetch(path", script);
        Assert.DoesNotMatch(new Regex(@"fetch\(\s*[""'`]/"), script);
    }
}
