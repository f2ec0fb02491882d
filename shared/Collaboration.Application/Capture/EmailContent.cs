using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Collaboration.Application.Capture;

/// <summary>
/// Makes an email body safe to keep: HTML goes through an allow-list sanitizer and is then reduced to text,
/// which is what the CRM stores, scores and shows. Nothing from a mail body is ever kept as live markup.
/// </summary>
public static partial class EmailContent
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "hr",
    };

    public static string SanitizeHtml(string html) => new HtmlSanitizer().Sanitize(html);

    /// <summary>The readable text of an HTML body, sanitized first.</summary>
    public static string TextFromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(SanitizeHtml(html));
        var text = new StringBuilder();
        if (document.Body is { } body) AppendText(body, text);
        return Tidy(text.ToString());
    }

    /// <summary>
    /// A plain-text body. Anything in it that looks like markup is treated like HTML, so no tag survives; the
    /// bracketed addresses and links of quoted headers ("Li Lei &lt;li@contoso.cn&gt;") are text and stay.
    /// </summary>
    public static string TextFromPlain(string text)
    {
        if (!text.Contains('<')) return Tidy(text);
        var escaped = BracketedAddress().Replace(text.Replace("&", "&amp;"), "&lt;$1&gt;");
        return TextFromHtml(escaped.ReplaceLineEndings("<br>"));
    }

    [GeneratedRegex(@"<((?:mailto:|https?://)?[^<>\s@/]+@[^<>\s]+|(?:https?|mailto):[^<>\s]+)>", RegexOptions.IgnoreCase)]
    private static partial Regex BracketedAddress();

    private static void AppendText(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement element:
                    var block = BlockElements.Contains(element.LocalName);
                    if (block) text.Append('\n');
                    AppendText(element, text);
                    if (block) text.Append('\n');
                    break;
            }
        }
    }

    private static string Tidy(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n')
            .Select(line => string.Join(' ', line.Split([' ', '\t', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)));
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank++;
                continue;
            }
            if (result.Length > 0) result.Append(blank > 0 ? "\n\n" : "\n");
            result.Append(line);
            blank = 0;
        }
        return result.ToString();
    }
}
