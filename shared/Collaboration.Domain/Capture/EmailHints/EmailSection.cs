using System.Text;
using System.Text.RegularExpressions;

namespace Collaboration.Domain.Capture.EmailHints;

/// <summary>One stretch of text split two ways: sentences for statements, lines for signature blocks.</summary>
internal sealed class EmailSection
{
    private EmailSection(string text, IReadOnlyList<string> sentences, IReadOnlyList<string> lines)
    {
        Text = text;
        Sentences = sentences;
        Lines = lines;
    }

    public string Text { get; }

    public IReadOnlyList<string> Sentences { get; }

    public IReadOnlyList<string> Lines { get; }

    public static EmailSection From(string text)
    {
        var lines = text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();
        return new EmailSection(text, SplitSentences(text), lines);
    }

    public static IReadOnlyList<string> SplitSentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            var isBoundary = character switch
            {
                '\n' or '。' or ';' or '!' or '?' => true,
                // A full stop inside "8.5k" or "e.g.x" is not a boundary; one followed by a space is.
                '.' => index + 1 >= text.Length || char.IsWhiteSpace(text[index + 1]),
                _ => false,
            };
            if (isBoundary)
            {
                AddSentence(sentences, text, start, index + 1);
                start = index + 1;
            }
        }

        AddSentence(sentences, text, start, text.Length);
        return sentences;
    }

    // Real sentences are short; a run-on "sentence" (a table, base64, a pasted log) is cut into pieces so the
    // per-sentence work, which compares every amount with every keyword, stays small.
    internal const int MaxSentenceChars = 400;

    private static void AddSentence(List<string> sentences, string text, int start, int end)
    {
        while (end - start > MaxSentenceChars)
        {
            var cut = text.LastIndexOfAny([' ', ','], start + MaxSentenceChars - 1, MaxSentenceChars / 2);
            var pieceEnd = cut > start ? cut + 1 : start + MaxSentenceChars;
            AddPiece(sentences, text, start, pieceEnd);
            start = pieceEnd;
        }

        AddPiece(sentences, text, start, end);
    }

    private static void AddPiece(List<string> sentences, string text, int start, int end)
    {
        var sentence = text[start..end].Trim();
        if (sentence.Length > 0)
        {
            sentences.Add(sentence);
        }
    }
}
