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
        foreach (Match match in Amount().Matches(sentence))
        {
            if (ToCandidate(sentence, match) is { } candidate)
            {
                yield return candidate;
            }
        }

        foreach (Match match in ChineseAmount().Matches(sentence))
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
        foreach (Match match in keyword.Matches(sentence))
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
    private static decimal WithoutTrailingZeros(decimal amount) => amount / 1.000000000000000000000000000000000m;

    private static bool IsYearLike(decimal number) => number is >= 1900 and <= 2100 && decimal.Truncate(number) == number;

    /// <summary>Phone numbers and IDs written in groups: "+86 138 1234 5678", "4021-5530".</summary>
    private static bool IsInsideDigitRun(string sentence, int start, int end)
    {
        var before = start - 1;
        if (before >= 0 && sentence[before] is ' ' or '-' or '(' or ')')
        {
            before--;
        }

        var after = end;
        if (after < sentence.Length && sentence[after] is ' ' or '-' or ')')
        {
            after++;
        }

        return (before >= 0 && before < start - 1 && char.IsAsciiDigit(sentence[before]))
            || (after > end && after < sentence.Length && char.IsAsciiDigit(sentence[after]));
    }

    private static bool FollowedByUnit(string sentence, int end) =>
        end < sentence.Length && UnitAfterAmount().IsMatch(sentence.AsSpan(end));

    private static bool PrecededByIdentifierLabel(string sentence, int start)
    {
        var from = Math.Max(0, start - 24);
        return IdentifierLabel().IsMatch(sentence.AsSpan(from, start - from));
    }

    private static decimal Multiplier(string multiplier) => multiplier.ToLowerInvariant() switch
    {
        "k" or "thousand" or "千" => 1_000m,
        "m" or "mm" or "mil" or "million" or "百万" => 1_000_000m,
        "b" or "bn" or "billion" => 1_000_000_000m,
        "千万" => 10_000_000m,
        "万" => 10_000m,
        "亿" => 100_000_000m,
        _ => 1m,
    };

    private static string CurrencyCode(string marker) => marker.ToUpperInvariant() switch
    {
        "$" or "US$" or "USD" or "DOLLAR" or "DOLLARS" or "美元" or "美金" => "USD",
        "€" or "EUR" or "EURO" or "EUROS" or "欧元" => "EUR",
        "£" or "GBP" or "POUND" or "POUNDS" or "英镑" => "GBP",
        "HK$" or "HKD" or "港币" or "港元" => "HKD",
        "S$" or "SGD" => "SGD",
        "A$" or "AUD" => "AUD",
        "C$" or "CAD" => "CAD",
        "JPY" or "日元" => "JPY",
        // ¥ is also the yen sign; in this product's mail it is almost always renminbi.
        _ => "CNY",
    };

    [GeneratedRegex("""
        (?<![A-Za-z0-9_\-+/\#$€£¥])(?<![0-9][.,])
        (?:(?<pre>US\$|HK\$|S\$|A\$|C\$|\$|€|£|¥|(?i:usd|eur|gbp|rmb|cny|hkd|sgd|aud|cad|jpy)(?![A-Za-z]))\s?)?
        (?<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)
        (?![0-9/:]|\.[0-9]|-[0-9])
        (?:\s?(?<mult>(?i:thousand|million|billion|mil|mm|bn|k|m|b)(?![A-Za-z])|百万|千万|万|亿|千))?
        (?:\s?(?<post>(?i:usd|eur|gbp|rmb|cny|hkd|sgd|aud|cad|jpy|dollars?|euros?|pounds?)(?![A-Za-z])|人民币|美元|美金|欧元|英镑|港币|港元|日元|元|块))?
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, 250)]
    private static partial Regex Amount();

    [GeneratedRegex("(?<num>[零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]{1,8})(?<mult>万|亿)(?<post>元|人民币|美元|块)?", RegexOptions.CultureInvariant, 250)]
    private static partial Regex ChineseAmount();

    [GeneratedRegex("""
        ^\s?(?:
          (?i:seats?|users?|licen[cs]es?|people|persons?|employees|staff|agents|members|accounts|units|pcs|copies|
              hours?|days?|weeks?|months?|years?|yrs?|gb|tb|mb|percent|pct|each|per\s+(?!year|annum|month)|x\b)
          |%|/(?!\s?(?i:year|yr|annum|month|mo)\b)|人|个|位|席|套|台|名|份|用户|账号|天|周|年|月|日|号|小时|次|家|倍|每)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, 250)]
    private static partial Regex UnitAfterAmount();

    [GeneratedRegex(@"(?i:\b(?:order|po|p\.o\.|invoice|inv|ticket|case|ref|reference|no\.|number|tel|phone|mobile|cell|fax|ext|id|account|acct|sku|version|v)\s*(?:#|no\.?|number)?\s*[:.]?\s*$)|(?:订单|单号|编号|发票|电话|手机|传真|工号|合同号|账号)\s*(?:号|号码)?\s*[:]?\s*$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex IdentifierLabel();

    [GeneratedRegex(@"(?i:\b(?:budget(?:ed|s|ing)?|spend(?:ing)?|allocat(?:ed|e|ion)|approved|set\s+aside|earmarked|funds?)\b)|预算|费用|投入|经费|资金|拨款", RegexOptions.CultureInvariant, 250)]
    private static partial Regex BudgetWord();

    [GeneratedRegex(@"(?i:\b(?:prices?|priced|pricing|costs?|quot(?:e|es|ed|ation)|proposals?|contract\s+value|pay(?:ing)?|purchase|invest(?:ment|ing)?|spent|fees?|worth|afford)\b)|报价|价格|价钱|成本|采购|花费|付款|金额|花", RegexOptions.CultureInvariant, 250)]
    private static partial Regex PriceWord();

    [GeneratedRegex(@"(?i:\b(?:revenues?|turnover|sales|valuation|valued|raised|market\s+cap|arr|mrr|profits?|income|salar(?:y|ies)|loss(?:es)?|fines?|penalty)\b)|营收|营业额|收入|销售额|市值|融资|利润|年薪|工资|罚款", RegexOptions.CultureInvariant, 250)]
    private static partial Regex NotABudgetWord();

    [GeneratedRegex(@"(?i:\bno\s+(?:budget|funds|funding)\b|\b(?:don't|do\s+not|doesn't|does\s+not|didn't|haven't|have\s+not|hasn't|has\s+not)\s+(?:yet\s+)?(?:have\s+|got\s+|set\s+)?(?:a\s+|any\s+)?(?:budget|funding)|\bbudget\s+(?:is\s+|has\s+)?(?:not|n't)\s+(?:yet\s+)?(?:been\s+)?(?:allocated|set|defined|decided|determined|planned)|\bwithout\s+(?:a\s+)?budget|\bbudget\s+(?:is\s+)?(?:tbd|tbc|unknown|unclear)\b)|还?没有(?:相关的?)?预算|暂(?:时)?(?:还)?(?:没有|无)预算|无预算|预算(?:还)?(?:未定|没定|不确定|待定|没有着落)", RegexOptions.CultureInvariant, 250)]
    private static partial Regex NoBudget();

    [GeneratedRegex(@"(?i:\bbudget\s+(?:is\s+|has\s+)?(?:not|n't)\s+(?:yet\s+)?(?:been\s+)?(?:approved|signed\s+off)|\b(?:pending|awaiting)\s+(?:budget\s+)?(?:approval|sign-off)|\b(?:need|needs|have|has)\s+to\s+(?:get|seek|secure|request)\s+(?:the\s+)?(?:budget|approval|sign-off)|\bsubmit(?:ted|ting)?\s+(?:a\s+|the\s+)?budget\s+request|\bbudget\s+(?:request|approval)\s+(?:is\s+)?(?:pending|in\s+progress|under\s+review)|\bbudget\s+(?:is\s+)?under\s+review|\bseeking\s+budget)|预算(?:还|仍)?(?:正在|在)?(?:申请|审批)中|预算待(?:审)?批|(?:需要|正在|在)申请预算|预算(?:还)?(?:没|未)(?:有)?(?:批|审批|获批|通过)", RegexOptions.CultureInvariant, 250)]
    private static partial Regex BudgetPending();

    [GeneratedRegex(@"(?i:\bready\s+to\s+(?:sign|purchase|buy|order|move\s+forward)|\b(?:will|going\s+to)\s+(?:sign\s+(?:the\s+)?(?:contract|agreement|order)|purchase|buy|place\s+(?:an|the)\s+order)\b|\b(?:raising|issuing|raise|issue)\s+(?:a\s+|the\s+)?(?:po|purchase\s+order)\b|\bsend\s+(?:us\s+|me\s+)?(?:the\s+)?contract)|准备(?:下单|签约|签合同|付款)|(?:马上|可以|立即)(?:下单|签约|签合同)|发(?:一下|个)?合同", RegexOptions.CultureInvariant, 250)]
    private static partial Regex ReadyToBuy();

    [GeneratedRegex(@"(?i:\b(?:approved|allocated|secured|signed\s+off|set\s+aside|earmarked)\b)|已批|批了|已审批|审批通过|已批准|批准了|到位|已落实", RegexOptions.CultureInvariant, 250)]
    private static partial Regex ApprovedAmount();

    [GeneratedRegex(@"(?i:\b(?:we've|we\s+have|we\s+already\s+have|we've\s+already)\s+(?:already\s+)?(?:allocated|set\s+aside|earmarked|approved|secured)\b|\bbudget\s+(?:has\s+been\s+|is\s+|was\s+|got\s+|already\s+|now\s+){0,3}(?:approved|signed\s+off|allocated|secured|confirmed|in\s+place|available)|\b(?:approved|allocated|secured|confirmed)\s+(?:a\s+|the\s+|our\s+)?budget|\b(?:we|i)\s+(?:have|'ve\s+got|have\s+got)\s+(?:a\s+|the\s+)?(?:budget|funds|funding)\b|\bfunds\s+are\s+(?:available|allocated|approved))|预算(?:已经?|已)(?:批|审批|批复|到位|确定|下来|通过)|预算(?:批下来了|到位了|没问题|充足)|已有预算|(?<!没)有预算", RegexOptions.CultureInvariant, 250)]
    private static partial Regex BudgetApproved();
}
