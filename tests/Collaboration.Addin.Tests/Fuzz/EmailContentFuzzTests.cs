using System.Diagnostics;
using Collaboration.Application.Capture;
using Collaboration.Infrastructure.Capture;
using CsCheck;

namespace Collaboration.Addin.Tests.Fuzz;

/// <summary>Tag soup and random text through the sanitizer: no script, handler or javascript: link survives, nothing throws or takes long.</summary>
public class EmailContentFuzzTests
{
    // The sanitizer's own cost on a few thousand elements approaches a second on a busy two-core machine.
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(5);

    private static readonly string[] Soup =
    [
        "<div>", "</div>", "<p>", "</p>", "<span>", "</span>", "<b>", "</b>", "<font color=red>", "<a href=\"javascript:alert(1)\">", "</a>",
        "<table>", "<tr>", "<td>", "</td>", "<li>", "<ul>", "<br>", "</br>", "<img src=x onerror=alert(1)>", "<script>", "</script>",
        "<style>", "</style>", "<svg>", "<math>", "<template>", "<select>", "<option>", "<textarea>", "<plaintext>", "<!--", "-->", "<!",
        "<?", "<", ">", "&", "&amp;", "&#0;", "&#x110000;", "\"", "'", "=", "budget $50k", "张伟", "\ud800", "\u0000", " ", "\n",
    ];

    private static readonly Gen<string> Html = Gen.OneOf(
        Gen.Int[0, Soup.Length - 1].Array[0, 600].Select(picks => string.Concat(picks.Select(p => Soup[p]))),
        Gen.String,
        Gen.Int[0, Soup.Length - 1].Array[1, 4].SelectMany(picks => Gen.Int[1, 10_000].Select(n =>
            string.Concat(Enumerable.Repeat(string.Concat(picks.Select(p => Soup[p])), n)))));

    private static string Timed(Func<string> read, string html)
    {
        var watch = Stopwatch.StartNew();
        var result = read();
        Assert.True(watch.Elapsed < PerInput, $"Reading {html.Length} characters took {watch.Elapsed}.");
        return result;
    }

    [Fact]
    public void AnyHtmlIsSanitizedAndReadQuicklyWithoutThrowing()
    {
        Html.Sample(html =>
        {
            var sanitized = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Timed(() => EmailContent.SanitizeHtml(html), html));
            Timed(() => EmailContent.TextFromHtml(html), html);
            Timed(() => EmailContent.TextFromPlain(html), html);

            Assert.Empty(sanitized.QuerySelectorAll("script, style, iframe, svg, math, template"));
            Assert.DoesNotContain(sanitized.All, element => element.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                || a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase)));
        }, iter: 150, threads: 1);
    }
}
