using System.Net;
using Collaboration.Application.Capture;
using Collaboration.Infrastructure.Capture;

namespace Collaboration.Addin.Tests.Hostile;

/// <summary>Email bodies built to exhaust the parser, the sanitizer or the stack.</summary>
[Collection(MeasuresProcessMemory.Name)]
public class HostileEmailTests
{
    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    [Fact]
    public void HtmlNestedAHundredThousandDeepIsReadAsText()
    {
        var html = Repeat("<div>", 100_000) + "We have a budget of $50k." + Repeat("</div>", 100_000);

        var text = EmailContent.TextFromHtml(html);

        Assert.Equal("We have a budget of $50k.", text);
    }

    [Fact]
    public void MarkupDeeperThanTheLimitKeepsItsText()
    {
        var html = Repeat("<div>", 300) + "<p>deep text</p>" + Repeat("</div>", 300) + "<p>after</p>";

        var text = EmailContent.TextFromHtml(html, new EmailContentLimits { MaxDepth = 50 });

        Assert.Contains("deep text", text);
        Assert.EndsWith("after", text);
    }

    [Fact]
    public void UnclosedSpansAroundBlocksCannotOutrunTheDepthLimit()
    {
        // The parser ignores </span> while a <div> is open inside it, so each round nests two levels deeper.
        var html = Repeat("<span><div></span>", 50_000) + "still read";

        Assert.Equal("still read", EmailContent.TextFromHtml(html));
    }

    [Fact]
    public void BodiesAreCutToTheLimitBeforeTheyAreParsed()
    {
        var limits = new EmailContentLimits { MaxHtmlChars = 1_000, MaxTextChars = 500 };
        var html = "<p>first</p>" + Repeat("<p>filler words</p>", 200) + "<p>LAST</p>";
        var plain = "first line\n" + Repeat("filler ", 200) + "LAST";

        Assert.StartsWith("first", EmailContent.TextFromHtml(html, limits));
        Assert.DoesNotContain("LAST", EmailContent.TextFromHtml(html, limits));
        Assert.DoesNotContain("LAST", EmailContent.TextFromPlain(plain, limits));
        Assert.True(EmailContent.TextFromPlain(plain, limits).Length <= 500);
    }

    [Fact]
    public void ElementsPastTheLimitLoseTheirTagsButNotTheirText()
    {
        var html = Repeat("<p>line</p>", 30) + "<p>the end</p>";

        var text = EmailContent.TextFromHtml(html, new EmailContentLimits { MaxElements = 10 });

        Assert.StartsWith("line\n\nline", text);
        Assert.Equal(31, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.EndsWith("the end", text);
    }

    [Fact]
    public async Task ABodyNestedFourHundredThousandDeepIsAnsweredAndTheHostStaysHealthy()
    {
        await using var host = await AddinHost.StartAsync();
        var client = host.RepClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        // JSON escapes < and > as \u003C and \u003E: 400,000 divs are 5.6 MB on the wire, under the 6 MB request limit.
        var html = Repeat("<div>", 400_000) + "Please quote 50 seats.";
        HttpResponseMessage? response = null;

        var growth = await ProcessPeakMemory.GrowthDuringAsync(async () =>
            response = await client.PostJsonAsync("/api/emails/resolve", PaneEmails.From("buyer@contoso.com", bodyHtml: html)));

        Assert.Equal(HttpStatusCode.OK, response!.StatusCode);
        Assert.InRange(growth, 0, 300L * 1024 * 1024);
        var ordinary = await client.PostJsonAsync("/api/emails/resolve", PaneEmails.From("buyer@contoso.com"));
        Assert.Equal(HttpStatusCode.OK, ordinary.StatusCode);
    }
}
