using System.Text;
using Collaboration.Application.Capture;

namespace Collaboration.Infrastructure.Capture;

/// <summary>
/// Drops the tags of elements that would open deeper than a limit, or past a number of elements, before any HTML parser sees them: a parser's
/// tree building slows down badly with depth (100,000 nested divs took minutes), and a sanitizer's or serializer's
/// recursion could run out of stack. The tree is followed the way the HTML parser builds it closely enough to never
/// count fewer open elements than it would: end tags close like the parser's, and raw text is passed over.
/// </summary>
internal static class HtmlNesting
{
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen", "link",
        "meta", "param", "source", "track", "wbr",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    };

    /// <summary>Elements an end tag of another name does not close past (the parser ignores such an end tag).</summary>
    private static readonly HashSet<string> Special = new(StringComparer.Ordinal)
    {
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br", "button",
        "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption",
        "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr",
        "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed",
        "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search", "section", "select",
        "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr",
        "track", "ul", "wbr", "xmp", "svg", "math", "foreignobject", "desc", "mi", "mo", "mn", "ms", "mtext", "annotation-xml",
    };

    /// <summary>Where a special element's end tag stops looking for its element ("has an element in scope").</summary>
    private static readonly HashSet<string> ScopeBoundary = new(StringComparer.Ordinal)
    {
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "svg", "math", "foreignobject",
    };

    private static readonly HashSet<string> Formatting = new(StringComparer.Ordinal)
    {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    };

    /// <summary>Starting one of these closes an open paragraph.</summary>
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption",
        "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section", "summary", "ul",
        "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "hr", "xmp", "li", "dd", "dt",
    };

    public static string Limit(string html, int maxDepth, int maxElements)
    {
        var open = new List<string>();
        // Formatting elements closed by an ancestor's end tag stay in the parser's list and are opened again
        // before the next text: they count as open until their own end tag.
        var reopened = 0;
        var elements = 0;
        var result = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                result.Append(html, i, html.Length - i);
                break;
            }
            result.Append(html, i, lt - i);
            i = lt;
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                i = CopyThrough(html, i, "-->", result);
                continue;
            }
            if (i + 1 < html.Length && html[i + 1] is '!' or '?')
            {
                i = CopyThrough(html, i, ">", result);
                continue;
            }
            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var nameStart = i + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_')) nameEnd++;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                result.Append('<');
                i++;
                continue;
            }
            var name = html[nameStart..nameEnd].ToLowerInvariant();
            var end = TagEnd(html, nameEnd);
            if (closing)
            {
                // Without an open paragraph, </p> and </br> each insert an element.
                if (name is "p" or "br" && ++elements > maxElements)
                {
                    result.Append('\n');
                    i = end;
                    continue;
                }
                reopened = Math.Max(0, reopened + Close(open, name));
                result.Append(html, i, end - i);
                i = end;
                continue;
            }
            // Raw text only in HTML content: inside svg or math, <style> and the rest are ordinary elements whose
            // content the parser reads as markup. (<plaintext> is read on as markup too: counting too much is safe.)
            var rawText = RawText.Contains(name) && !open.Contains("svg") && !open.Contains("math");
            if (name == "li") reopened += CloseItem(open);
            if (ClosesParagraph.Contains(name)) reopened += CloseParagraph(open);
            // The sanitizer's time grows faster than linearly with the number of elements; each start tag may also
            // bring back every formatting element waiting to be opened again.
            elements += 1 + reopened;
            if ((open.Count + reopened >= maxDepth && !Void.Contains(name)) || elements > maxElements)
            {
                // A dropped block still ends its line, so the text keeps its shape.
                result.Append(name == "br" || ClosesParagraph.Contains(name) ? '\n' : ' ');
                i = rawText ? SkipRawText(html, end, name) : end;
                continue;
            }
            result.Append(html, i, end - i);
            i = end;
            if (Void.Contains(name)) continue;
            open.Add(name);
            if (rawText)
            {
                var rawEnd = SkipRawText(html, end, name);
                result.Append(html, i, rawEnd - i);
                i = rawEnd;
                open.RemoveAt(open.Count - 1);
            }
        }
        return result.ToString();
    }

    /// <summary>
    /// The parser's "any other end tag" and "in scope" rules: never closes more than the parser would. Returns the
    /// change in formatting elements waiting to be opened again.
    /// </summary>
    private static int Close(List<string> open, string name)
    {
        var special = Special.Contains(name);
        for (var at = open.Count - 1; at >= 0; at--)
        {
            if (open[at] == name) return PopFrom(open, at);
            var stops = special
                ? ScopeBoundary.Contains(open[at]) || (name == "p" && open[at] == "button") || (name == "li" && open[at] is "ol" or "ul")
                : Special.Contains(open[at]);
            if (stops) break;
        }
        // The end tag of a formatting element that is no longer open takes it off the parser's list.
        return Formatting.Contains(name) ? -1 : 0;
    }

    private static int CloseParagraph(List<string> open)
    {
        for (var at = open.Count - 1; at >= 0; at--)
        {
            if (open[at] == "p") return PopFrom(open, at);
            if (ScopeBoundary.Contains(open[at]) || open[at] == "button") return 0;
        }
        return 0;
    }

    private static int CloseItem(List<string> open)
    {
        for (var at = open.Count - 1; at >= 0; at--)
        {
            if (open[at] == "li") return PopFrom(open, at);
            if (Special.Contains(open[at]) && open[at] is not ("address" or "div" or "p")) return 0;
        }
        return 0;
    }

    /// <summary>Closes the element at <paramref name="at"/> and everything inside; counts the formatting elements closed on the way.</summary>
    private static int PopFrom(List<string> open, int at)
    {
        var formatting = 0;
        for (var inner = at + 1; inner < open.Count; inner++)
        {
            if (Formatting.Contains(open[inner])) formatting++;
        }
        open.RemoveRange(at, open.Count - at);
        return formatting;
    }

    private static int TagEnd(string html, int from)
    {
        char? quote = null;
        for (var at = from; at < html.Length; at++)
        {
            var c = html[at];
            if (quote is { } q) { if (c == q) quote = null; }
            else if (c is '"' or '\'' && at > 0 && html[at - 1] == '=') quote = c;
            else if (c == '>') return at + 1;
        }
        return html.Length;
    }

    private static int CopyThrough(string html, int from, string terminator, StringBuilder result)
    {
        var at = html.IndexOf(terminator, from + 1, StringComparison.Ordinal);
        var end = at < 0 ? html.Length : at + terminator.Length;
        result.Append(html, from, end - from);
        return end;
    }

    private static int SkipRawText(string html, int from, string name)
    {
        var at = html.IndexOf("</" + name, from, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html.Length : TagEnd(html, at + 2 + name.Length);
    }
}
