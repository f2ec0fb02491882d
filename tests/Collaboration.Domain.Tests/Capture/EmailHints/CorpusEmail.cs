using System.Globalization;
using Collaboration.Domain.Capture.EmailHints;

namespace Collaboration.Domain.Tests.Capture.EmailHints;

/// <summary>
/// One corpus file: RFC 822-style headers (Subject, Received and an Expect-* header per hint), a blank line, then the body.
/// Every Expect-* header is required so a case states what it expects to be absent as well as present.
/// </summary>
public sealed record CorpusEmail(
    string Name,
    string Subject,
    DateOnly ReceivedOn,
    string Body,
    (decimal Amount, string Currency)? ExpectedBudget,
    BudgetStatusHint ExpectedBudgetStatus,
    (DateOnly? TargetDate, TimeframeHint Timeframe)? ExpectedTimeline,
    (string Role, bool IsDecisionMaker)? ExpectedAuthority,
    NeedLevelHint? ExpectedNeed)
{
    public const string Folder = "Capture/EmailHints/corpus";
    private const string None = "none";

    public static IReadOnlyList<CorpusEmail> LoadAll()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, Folder);
        return Directory.GetFiles(folder, "*.eml.txt")
            .Order(StringComparer.Ordinal)
            .Select(path => Parse(Path.GetFileName(path), File.ReadAllText(path)))
            .ToArray();
    }

    public static CorpusEmail Parse(string name, string content)
    {
        var text = content.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new FormatException($"{name}: no blank line between headers and body");
        }

        var headers = text[..split].Split('\n')
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts.Length > 1 ? parts[1].Trim() : string.Empty, StringComparer.OrdinalIgnoreCase);
        string Header(string key) => headers.TryGetValue(key, out var value) ? value : throw new FormatException($"{name}: missing header {key}");

        return new CorpusEmail(
            name,
            Header("Subject"),
            DateOnly.ParseExact(Header("Received"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            text[(split + 2)..],
            ParseBudget(Header("Expect-Budget")),
            Enum.Parse<BudgetStatusHint>(Header("Expect-BudgetStatus")),
            ParseTimeline(Header("Expect-Timeline")),
            ParseAuthority(Header("Expect-Authority")),
            Header("Expect-Need") == None ? null : Enum.Parse<NeedLevelHint>(Header("Expect-Need")));
    }

    public override string ToString() => Name;

    // "120000 USD"
    private static (decimal, string)? ParseBudget(string value)
    {
        if (value == None)
        {
            return null;
        }

        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (decimal.Parse(parts[0], CultureInfo.InvariantCulture), parts[1]);
    }

    // "2025-09-30 NextQuarter", or "- Immediate" when no date can be worked out
    private static (DateOnly?, TimeframeHint)? ParseTimeline(string value)
    {
        if (value == None)
        {
            return null;
        }

        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        DateOnly? date = parts[0] == "-" ? null : DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (date, Enum.Parse<TimeframeHint>(parts[1]));
    }

    // "Head of Procurement | true"
    private static (string, bool)? ParseAuthority(string value)
    {
        if (value == None)
        {
            return null;
        }

        var parts = value.Split('|', StringSplitOptions.TrimEntries);
        return (parts[0], bool.Parse(parts[1]));
    }
}
