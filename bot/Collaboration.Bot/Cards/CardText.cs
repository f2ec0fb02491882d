using System.Buffers;
using System.Text;

namespace Collaboration.Bot.Cards;

/// <summary>
/// User text is data. In TextBlock and FactSet text Teams reads markdown (and {{DATE()}} functions); everywhere else
/// the text is plain. Neither may ever turn a deal name into formatting, a link or an &lt;at&gt; mention.
/// </summary>
public static class CardText
{
    private const string MarkdownSpecials = "\\`*_[]()~#<>|!";

    // What makes a text need more than itself: markdown punctuation, "{{", or a line break or tab to join.
    private static readonly SearchValues<char> NotAsIs = SearchValues.Create(MarkdownSpecials + "{\r\n\t");

    /// <summary>For TextBlock and FactSet text: markdown punctuation backslash-escaped, lines joined, list markers and {{ defused.</summary>
    public static string Markdown(string? text)
    {
        // Most texts (names, amounts, dates) are already safe: returned as they are, not copied through a builder.
        if (text is { Length: > 0 } && !text.AsSpan().ContainsAny(NotAsIs) && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1])
            && text[0] is not ('-' or '+' or '=') && !char.IsAsciiDigit(text[0]))
        {
            return text;
        }
        var line = OneLine(text);
        var builder = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var atStart = builder.Length == 0;
            if (MarkdownSpecials.Contains(c) || (atStart && c is '-' or '+' or '=')) builder.Append('\\');
            builder.Append(c);
            if (c == '{' && i + 1 < line.Length && line[i + 1] == '{') builder.Append('\u200B');
        }
        var result = builder.ToString();
        var digits = 0;
        while (digits < result.Length && char.IsAsciiDigit(result[digits])) digits++;
        if (digits > 0 && digits < result.Length && result[digits] == '.') result = result.Insert(digits, "\\");
        return result;
    }

    /// <summary>For choice titles, input values and action titles, which Teams shows as plain text: only mentions are defused.</summary>
    public static string Plain(string? text) => OneLine(text).Replace("<", "<\u2060", StringComparison.Ordinal);

    private static string OneLine(string? text) =>
        string.Join(' ', (text ?? "").Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
