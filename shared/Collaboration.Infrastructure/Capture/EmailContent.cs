using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Collaboration.Application.Capture;
using Ganss.Xss;

namespace Collaboration.Infrastructure.Capture;

/// <summary>
/// Makes an email body safe to keep: HTML goes through an allow-list sanitizer and is then reduced to text,
/// which is what the CRM stores, scores and shows. Nothing from a mail body is ever kept as live markup.
/// Bodies are cut to <see cref="EmailContentLimits"/> before anything parses them, and the tree is walked with a
/// loop, not recursion, so no body costs more than bounded time and memory.
/// </summary>
public static partial class EmailContent
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "hr",
    };

    private static readonly EmailContentLimits DefaultLimits = new();

    public static string SanitizeHtml(string html, EmailContentLimits? limits = null)
    {
        limits ??= DefaultLimits;
        return new HtmlSanitizer().Sanitize(HtmlNesting.Limit(CutHtml(html, limits.MaxHtmlChars), limits.MaxDepth, limits.MaxElements));
    }

    /// <summary>The readable text of an HTML body, sanitized first.</summary>
    public static string TextFromHtml(string html, EmailContentLimits? limits = null)
    {
        limits ??= DefaultLimits;
        var parser = new HtmlParser(new HtmlParserOptions { MaximumDepth = limits.MaxDepth * 2 });
        var document = parser.ParseDocument(SanitizeHtml(html, limits));
        var text = new StringBuilder();
        if (document.Body is { } body) AppendText(body, text, limits);
        return Tidy(text.ToString());
    }

    /// <summary>
    /// A plain-text body. Anything in it that looks like markup is treated like HTML, so no tag survives; the
    /// bracketed addresses and links of quoted headers ("Li Lei &lt;li@contoso.cn&gt;") are text and stay.
    /// </summary>
    public static string TextFromPlain(string text, EmailContentLimits? limits = null)
    {
        limits ??= DefaultLimits;
        text = Cut(text, limits.MaxTextChars);
        if (!text.Contains('<')) return Tidy(text);
        var escaped = BracketedAddress().Replace(text.Replace("&", "&amp;"), "&lt;$1&gt;");
        return TextFromHtml(escaped.ReplaceLineEndings("<br>"), limits);
    }

    [GeneratedRegex(@"<((?:mailto:|https?://)?[^<>\s@/]+@[^<>\s]+|(?:https?|mailto):[^<>\s]+)>", RegexOptions.IgnoreCase)]
    private static partial Regex BracketedAddress();

    /// <summary>Cuts before the limit, never between the two halves of a surrogate pair.</summary>
    private static string Cut(string text, int maxChars)
    {
        if (text.Length <= maxChars) return text;
        var end = char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars;
        return text[..end];
    }

    /// <summary>Cut HTML does not end in half a tag, which the parser would keep as text.</summary>
    private static string CutHtml(string html, int maxChars)
    {
        if (html.Length <= maxChars) return html;
        var cut = Cut(html, maxChars);
        var lastOpen = cut.LastIndexOf('<');
        return lastOpen >= 0 && cut.IndexOf('>', lastOpen) < 0 ? cut[..lastOpen] : cut;
    }

    /// <summary>Depth-first, in document order, with an explicit stack; elements deeper than the limit add only a space.</summary>
    private static void AppendText(INode root, StringBuilder text, EmailContentLimits limits)
    {
        // A null node marks the end of a block element: its closing line break.
        var pending = new Stack<(INode? Node, int Depth)>();
        PushChildren(root, 1);
        while (pending.Count > 0 && text.Length <= limits.MaxTextChars)
        {
            var (node, depth) = pending.Pop();
            switch (node)
            {
                case null:
                    text.Append('\n');
                    break;
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement when depth > limits.MaxDepth * 2:
                    text.Append(' ');
                    break;
                case IElement element:
                    var block = BlockElements.Contains(element.LocalName);
                    if (block)
                    {
                        text.Append('\n');
                        pending.Push((null, depth));
                    }
                    PushChildren(element, depth + 1);
                    break;
            }
        }

        void PushChildren(INode parent, int depth)
        {
            for (var child = parent.LastChild; child is not null; child = child.PreviousSibling) pending.Push((child, depth));
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
