using System.Globalization;
using System.Text.RegularExpressions;

namespace Collaboration.Domain.Capture.EmailHints;

internal static partial class BudgetReader
{
    private const decimal MaxPlausibleAmount = 1_000_000_000_000m;

    private enum Support
    {
        None = 0,
        PriceTalk = 1,
        BudgetWord = 2,
    }

    public static BudgetHint? Read(IReadOnlyList<string> sentences)
    {
        BudgetHint? best = null;
        var bestScore = int.MinValue;
        foreach (var sentence in sentences)
        {
            var candidates = Candidates(sentence).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var keywords = new SentenceKeywords(Spans(BudgetWord(), sentence), Spans(PriceWord(), sentence), Spans(NotABudgetWord(), sentence));
            foreach (var candidate in candidates)
            {
                var score = Score(keywords, candidate);
                if (score is { } value && value > bestScore)
                {
                    bestScore = value;
                    best = new BudgetHint(WithoutTrailingZeros(candidate.Amount), candidate.Currency, EmailText.Evidence(sentence));
                }
            }
        }

        return best;
    }

    public static BudgetStatusHint ReadStatus(IReadOnlyList<string> sentences, BudgetHint? budget)
    {
        var stated = StatedStatus(sentences);
        // "The board approved USD 2.4 million" states the status through the amount's own sentence.
        return stated == BudgetStatusHint.Unknown && budget is not null && ApprovedAmount().IsMatch(budget.Evidence)
            ? BudgetStatusHint.CanBuy
            : stated;
    }

    /// <summary>When sentences disagree the most cautious one wins: "we've set aside €30k … still pending approval" is MayBuy.</summary>
    private static BudgetStatusHint StatedStatus(IReadOnlyList<string> sentences)
    {
        var mostCautious = BudgetStatusHint.Unknown;
        foreach (var sentence in sentences)
        {
            var status = StatusOf(sentence);
            if (status != BudgetStatusHint.Unknown && (mostCautious == BudgetStatusHint.Unknown || Caution(status) > Caution(mostCautious)))
            {
                mostCautious = status;
            }
        }

        return mostCautious;
    }

    private static int Caution(BudgetStatusHint status) => status switch
    {
        BudgetStatusHint.NoCommittedBudget => 3,
        BudgetStatusHint.MayBuy => 2,
        BudgetStatusHint.CanBuy => 1,
        _ => 0,
    };

    private static BudgetStatusHint StatusOf(string sentence) =>
        // Negated forms first: "no budget yet" contains "budget", "not yet approved" contains "approved".
        NoBudget().IsMatch(sentence) ? BudgetStatusHint.NoCommittedBudget
        : BudgetPending().IsMatch(sentence) ? BudgetStatusHint.MayBuy
        : ReadyToBuy().IsMatch(sentence) ? BudgetStatusHint.WillBuy
        : BudgetApproved().IsMatch(sentence) ? BudgetStatusHint.CanBuy
        : BudgetStatusHint.Unknown;

    private sealed record SentenceKeywords(IReadOnlyList<Range> BudgetWords, IReadOnlyList<Range> PriceWords, IReadOnlyList<Range> NotBudgetWords);

    private readonly record struct Candidate(decimal Amount, string Currency, int Index, int Length, bool IsCurrencyMarked, bool HasMultiplier);

    private static IEnumerable<Candidate> Candidates(string sentence)
    {
        // Match and NextMatch rather than Matches: most sentences hold no match, and then nothing is allocated.
        for (var match = Amount().Match(sentence); match.Success; match = match.NextMatch())
        {
            if (ToCandidate(sentence, match) is { } candidate)
            {
                yield return candidate;
            }
        }

        for (var match = ChineseAmount().Match(sentence); match.Success; match = match.NextMatch())
        {
            var number = Numerals.ParseChinese(match.Groups["num"].Value);
            if (number is null || FollowedByUnit(sentence, match.Index + match.Length))
            {
                continue;
            }

            var amount = number.Value * Multiplier(match.Groups["mult"].Value);
            var currency = match.Groups["post"].Success ? CurrencyCode(match.Groups["post"].Value) : "CNY";
            yield return new Candidate(amount, currency, match.Index, match.Length, match.Groups["post"].Success, HasMultiplier: true);
        }
    }

    private static Candidate? ToCandidate(string sentence, Match match)
    {
        var prefix = match.Groups["pre"];
        var suffix = match.Groups["post"];
        var multiplierText = match.Groups["mult"].Value;
        var numberText = match.Groups["num"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
        if (!decimal.TryParse(numberText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var isCurrencyMarked = prefix.Success || suffix.Success;
        var hasMultiplier = multiplierText.Length > 0;
        var end = match.Index + match.Length;
        if (FollowedByUnit(sentence, end) || PrecededByIdentifierLabel(sentence, match.Index))
        {
            return null;
        }

        if (!isCurrencyMarked && !hasMultiplier && (IsYearLike(number) || IsInsideDigitRun(sentence, match.Index, end)))
        {
            return null;
        }

        // Compared before multiplying: a 29-digit number times "k" is past what a decimal holds.
        var multiplier = Multiplier(multiplierText);
        if (number <= 0 || number > MaxPlausibleAmount / multiplier)
        {
            return null;
        }

        var amount = number * multiplier;

        var currency = prefix.Success ? CurrencyCode(prefix.Value)
            : suffix.Success ? CurrencyCode(suffix.Value)
            : EmailText.ContainsChinese(sentence) ? "CNY"
            : "USD";
        return new Candidate(amount, currency, match.Index, match.Length, isCurrencyMarked, hasMultiplier);
    }

    /// <summary>Null when the amount should not count as a budget at all; otherwise higher is a better budget.</summary>
    private static int? Score(SentenceKeywords keywords, Candidate candidate)
    {
        var budgetDistance = NearestDistance(keywords.BudgetWords, candidate);
        var priceDistance = NearestDistance(keywords.PriceWords, candidate);
        var notBudgetDistance = NearestDistance(keywords.NotBudgetWords, candidate);
        var support = budgetDistance is not null ? Support.BudgetWord
            : priceDistance is not null ? Support.PriceTalk
            : Support.None;
        var supportDistance = budgetDistance ?? priceDistance;

        if (support == Support.None || (notBudgetDistance is { } notBudget && notBudget < supportDistance))
        {
            return null;
        }

        // A bare "50000" is only trusted right next to a budget word; "120k" or "$50,000" need less.
        if (!candidate.IsCurrencyMarked && !candidate.HasMultiplier && (support != Support.BudgetWord || budgetDistance > 30 || candidate.Amount < 1000))
        {
            return null;
        }

        var score = (int)support * 100_000;
        score += candidate.IsCurrencyMarked ? 20_000 : 0;
        score -= Math.Min(supportDistance ?? 0, 10_000);
        return score;
    }

    private static List<Range> Spans(Regex keyword, string sentence)
    {
        var spans = new List<Range>();
        foreach (var match in keyword.EnumerateMatches(sentence))
        {
            spans.Add(new Range(match.Index, match.Index + match.Length));
        }

        return spans;
    }

    private static int? NearestDistance(IReadOnlyList<Range> keywords, Candidate candidate)
    {
        int? nearest = null;
        var candidateEnd = candidate.Index + candidate.Length;
        foreach (var keyword in keywords)
        {
            var (start, end) = (keyword.Start.Value, keyword.End.Value);
            var distance = start >= candidateEnd ? start - candidateEnd
                : end <= candidate.Index ? candidate.Index - end
                : 0;
            if (nearest is null || distance < nearest)
            {
                nearest = distance;
            }
        }

        return nearest;
    }

    // 2.3 × 1,000,000 is stored as 2300000.0; callers should see 2300000.

}
