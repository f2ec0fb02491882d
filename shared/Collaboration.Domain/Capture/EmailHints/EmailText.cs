using System.Text;
using System.Text.RegularExpressions;

namespace Collaboration.Domain.Capture.EmailHints;

/// <summary>
/// The parts of an email worth reading for hints: the sender's own new text and, for a forward, the forwarded
/// message. Reply history is dropped so an older quote cannot outvote what the sender says now.
/// </summary>
internal sealed partial class EmailText
{
    // Bounds keep the work linear in a small constant however large the body is: new text beyond this is
    // almost always pasted logs or attachments rendered as text.
    internal const int MaxRawChars = 100_000;
    internal const int MaxSectionChars = 20_000;
    internal const int MaxEvidenceChars = 240;

    private EmailText(string subject, EmailSection newText, EmailSection forwarded)
    {
        Subject = subject;
        NewText = newText;
        Forwarded = forwarded;
    }

    public string Subject { get; }

    public EmailSection NewText { get; }

    public EmailSection Forwarded { get; }

    public static EmailText Parse(string? subject, string? body)
    {
        var normalizedSubject = StripSubjectPrefixes(Normalize(subject ?? string.Empty, 1_000));
        var subjectSaysForward = ForwardSubjectPrefix().IsMatch(subject ?? string.Empty);
        var lines = Normalize(body ?? string.Empty, MaxRawChars).Split('\n');

        var newText = new StringBuilder();
        var forwarded = new StringBuilder();
        var target = newText;
        var inForwardHeaders = false;

        for (var index = 0; index < lines.Length; index++)
        {
            var trimmed = lines[index].Trim();
            if (trimmed.StartsWith('>'))
            {
                continue;
            }

            if (inForwardHeaders)
            {
                if (trimmed.Length == 0 || HeaderLine().IsMatch(trimmed))
                {
                    continue;
                }

                inForwardHeaders = false;
            }

            var isForwardMarker = ForwardMarker().IsMatch(trimmed);
            var isHistoryMarker = !isForwardMarker && StartsReplyHistory(lines, index, trimmed);
            if (isForwardMarker || isHistoryMarker)
            {
                // Outlook forwards look exactly like reply history; only the subject's FW: tells them apart.
                var startsForward = isForwardMarker || subjectSaysForward;
                if (ReferenceEquals(target, newText) && startsForward)
                {
                    target = forwarded;
                    inForwardHeaders = true;
                    continue;
                }

                break;
            }

            if (target.Length >= MaxSectionChars)
            {
                if (ReferenceEquals(target, forwarded))
                {
                    break;
                }

                continue;
            }

            var room = MaxSectionChars - target.Length;
            target.Append(lines[index].Length <= room ? lines[index] : lines[index][..room]).Append('\n');
        }

        return new EmailText(normalizedSubject, EmailSection.From(newText.ToString()), EmailSection.From(forwarded.ToString()));
    }

    internal static string Evidence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= MaxEvidenceChars ? trimmed : trimmed[..MaxEvidenceChars];
    }

    internal static bool ContainsChinese(string text)
    {
        foreach (var character in text)
        {
            if (character is >= '\u4e00' and <= '\u9fff')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Folds full-width forms, curly quotes and control characters so patterns need only one spelling.</summary>
    private static string Normalize(string text, int maxChars)
    {
        var length = Math.Min(text.Length, maxChars);
        var builder = new StringBuilder(length);
        for (var index = 0; index < length; index++)
        {
            var character = text[index];
            switch (character)
            {
                case '\r':
                    if (index + 1 >= length || text[index + 1] != '\n')
                    {
                        builder.Append('\n');
                    }

                    break;
                case '\n' or '\t':
                    builder.Append(character);
                    break;
                case '\u3000' or '\u00a0' or '\u2009' or '\u202f':
                    builder.Append(' ');
                    break;
                case '\u2018' or '\u2019':
                    builder.Append('\'');
                    break;
                case '\u201c' or '\u201d':
                    builder.Append('"');
                    break;
                case '\uffe5':
                    builder.Append('¥');
                    break;
                case >= '\uff01' and <= '\uff5e':
                    builder.Append((char)(character - 0xfee0));
                    break;
                default:
                    builder.Append(char.IsControl(character) ? ' ' : character);
                    break;
            }
        }

        return builder.ToString();
    }

    private static string StripSubjectPrefixes(string subject)
    {
        var text = subject.Trim();
        for (var round = 0; round < 5; round++)
        {
            var match = SubjectPrefix().Match(text);
            if (!match.Success)
            {
                break;
            }

            text = text[match.Length..].TrimStart();
        }

        return text;
    }

    private static bool StartsReplyHistory(string[] lines, int index, string trimmed)
    {
        if (trimmed.Length == 0)
        {
            return false;
        }

        if (OriginalMessageMarker().IsMatch(trimmed) || trimmed.StartsWith("发件人:", StringComparison.Ordinal))
        {
            return true;
        }

        if (trimmed.Length < 400 && (trimmed.EndsWith("写道:", StringComparison.Ordinal) || trimmed.EndsWith("wrote:", StringComparison.Ordinal)))
        {
            return trimmed.StartsWith("On ", StringComparison.Ordinal) || trimmed.StartsWith('在') || trimmed.Contains('@');
        }

        // Gmail wraps long "On <date> <name> <address>" lines before "wrote:".
        if (trimmed.StartsWith("On ", StringComparison.Ordinal) && trimmed.Length < 300 && index + 1 < lines.Length)
        {
            var next = lines[index + 1].Trim();
            if (next.EndsWith("wrote:", StringComparison.Ordinal) && next.Length < 200)
            {
                return true;
            }
        }

        if (FromHeader().IsMatch(trimmed))
        {
            for (var ahead = index + 1; ahead < lines.Length && ahead <= index + 5; ahead++)
            {
                if (FollowingHeader().IsMatch(lines[ahead].Trim()))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
