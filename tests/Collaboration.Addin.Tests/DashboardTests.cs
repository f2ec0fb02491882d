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
    [InlineData("/settings", "text/html")]
    [InlineData("/settings.js", "text/javascript")]
    [InlineData("/settings.css", "text/css")]
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

    [Theory]
    [InlineData("/dashboard", "dashboard.js")]
    [InlineData("/settings", "settings.js")]
    public async Task ThePageHasNoInlineScriptAndUsesOnlyRelativeUrls(string path, string module)
    {
        await using var host = await AddinHost.StartAsync();

        var html = await host.Client().GetStringAsync(path);

        var scripts = Regex.Matches(html, "<script[^>]*>", RegexOptions.IgnoreCase).Select(m => m.Value).ToList();
        Assert.Equal([$"<script type=\"module\" src=\"{module}\">"], scripts);
        Assert.DoesNotMatch(new Regex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"(src|href)=""(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.Contains("name=\"viewport\"", html);
    }

    [Theory]
    [InlineData("/dashboard.js")]
    [InlineData("/settings.js")]
    public async Task TheScriptBuildsTheDomWithTextOnly(string path)
    {
        await using var host = await AddinHost.StartAsync();

        var script = await host.Client().GetStringAsync(path);

        foreach (var sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "window.open" })
        {
            Assert.DoesNotContain(sink, script);
        }
        Assert.Contains("textContent", script);
        Assert.Contains("fetch(path", script);
        Assert.DoesNotMatch(new Regex(@"fetch\(\s*[""'`]/"), script);
    }
}
