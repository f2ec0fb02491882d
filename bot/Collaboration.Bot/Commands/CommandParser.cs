using System.Text.RegularExpressions;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Bot.Commands;

/// <summary>
/// Turns what a rep typed (English or Chinese, forgiving about spacing, punctuation and case) into a
/// <see cref="BotCommand"/>. Stage and loss-reason words are read against the tenant's pipeline.
/// </summary>
public static partial class CommandParser
{
    /// <summary>
    /// The commands that need nothing but the words and the pipeline. Changes to a deal's details (<see cref="DealEditWords"/>)
    /// need the rep's today and mentions, so only the overload taking a <see cref="CommandContext"/> reads them.
    /// </summary>
    public static BotCommand Parse(string? text, PipelineSettings? pipeline = null) => Parse(text, CommandContext.Of(pipeline), readsDealEdits: false);

    /// <summary>Every command, deal edits included, with relative dates resolved against <see cref="CommandContext.Today"/>.</summary>
    public static BotCommand Parse(string? text, CommandContext context) => Parse(text, context, readsDealEdits: true);

    private static BotCommand Parse(string? text, CommandContext context, bool readsDealEdits)
    {
        var pipeline = context.Pipeline;
        var input = Normalize(text);
        if (input.Length == 0 || Help().IsMatch(input)) return new HelpCommand();
        if (MyDeals().IsMatch(input)) return new MyDealsCommand();
        if (ParseNotificationCommand(input) is { } notification) return notification;
        if (OrganisationWords.Parse(input) is { } organisation) return organisation;
        if (ReportWords.Parse(input) is { } report) return report;
        if (Reviews().Match(input) is { Success: true } reviews)
        {
            var competitor = reviews.Groups["competitor"].Success ? CleanName(reviews.Groups["competitor"].Value) : null;
            var words = reviews.Groups["text"].Success ? CleanName(reviews.Groups["text"].Value) : null;
            return new ReviewSearchCommand(string.IsNullOrEmpty(words) ? null : words, string.IsNullOrEmpty(competitor) ? null : competitor);
        }

        if (NewDeal().Match(input) is { Success: true } newDeal) return ParseNewDeal(newDeal.Groups["rest"].Value) ?? (BotCommand)new UnknownCommand(input);
        if (Log().Match(input) is { Success: true } log)
        {
            return new LogInteractionCommand(CleanName(log.Groups["deal"].Value), KindOf(log.Groups["kind"].Value), log.Groups["text"].Value.Trim());
        }
        if (QuoteWords.Parse(input) is { } quote) return quote;
        if (Won().Match(input) is { Success: true } won) return ParseWon(won.Groups["rest"].Value);
        if (Lost().Match(input) is { Success: true } lost) return ParseLost(lost.Groups["rest"].Value, pipeline);
        if (ContractWords.Parse(input, context) is { } contract) return contract;
        if (readsDealEdits && DealEditWords.Parse(input, context) is { } edit) return edit;
        if (Move().Match(input) is { Success: true } move)
        {
            var stageText = move.Groups["stage"].Value.Trim();
            return new MoveDealCommand(CleanName(move.Groups["deal"].Value), StageWords.Resolve(stageText, pipeline), stageText);
        }
        if (Advance().Match(input) is { Success: true } advance) return new AdvanceDealCommand(CleanName(advance.Groups["deal"].Value));
        if (Show().Match(input) is { Success: true } show) return new ShowDealCommand(CleanName(show.Groups["deal"].Value));
        if (Qualify().Match(input) is { Success: true } qualify && CleanName(qualify.Groups["deal"].Value) is { Length: > 0 } dealName)
        {
            return new QualifyDealCommand(dealName, ParseQualification(qualify.Groups["kw"].Value, qualify.Groups["value"].Value.Trim()));
        }
        return new UnknownCommand(input);
    }

    private static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var cleaned = text.Replace('：', ':').Replace('，', ',').Replace('\u3000', ' ').Replace('\u00A0', ' ');
        return Spaces().Replace(cleaned, " ").Trim().TrimEnd('.', '。', '!', '！');
    }

    private static string CleanName(string name) => name.Trim().Trim('"', '\'', '“', '”', '「', '」', '《', '》', ',', ':').Trim();

    private static NewDealCommand? ParseNewDeal(string rest)
    {
        string? referredBy = null;
        if (ReferredBy().Match(rest) is { Success: true } referral)
        {
            referredBy = referral.Groups["who"].Value.Trim().Trim(',');
            rest = rest.Remove(referral.Index, referral.Length);
        }
        DateOnly? closeDate = null;
        if (CloseDate().Match(rest) is { Success: true } close && DateParser.TryParse(close.Groups["date"].Value, out var date))
        {
            closeDate = date;
            rest = rest.Remove(close.Index, close.Length);
        }
        else if (DateParser.Find(rest) is { Success: true } bare && DateParser.TryParse(bare.Value, out var bareDate))
        {
            closeDate = bareDate;
            rest = rest.Remove(bare.Index, bare.Length);
        }
        decimal? amount = null;
        string? currency = null;
        if (ExplicitAmount().Match(rest) is { Success: true } explicitAmount && AmountParser.TryParse(explicitAmount.Groups["amount"].Value, out var stated))
        {
            (amount, currency) = (stated.Value, stated.Currency);
            rest = rest.Remove(explicitAmount.Index, explicitAmount.Length);
        }
        else
        {
            var tokens = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length > 1 && AmountParser.TryParse(tokens[^1].Trim(','), out var last))
            {
                (amount, currency) = (last.Value, last.Currency);
                rest = string.Join(' ', tokens[..^1]);
            }
        }
        var name = CleanName(Spaces().Replace(rest, " "));
        return name.Length == 0 ? null : new NewDealCommand(name, amount, currency, closeDate, referredBy);
    }

    private static WonCommand ParseWon(string rest)
    {
        var tokens = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length > 1 && AmountParser.TryParse(tokens[^1], out var amount))
        {
            return new WonCommand(CleanName(string.Join(' ', tokens[..^1])), amount.Value);
        }
        return new WonCommand(CleanName(rest), null);
    }

    private static LostCommand ParseLost(string rest, PipelineSettings pipeline)
    {
        string? competitor = null;
        if (LostTo().Match(rest) is { Success: true } lostTo)
        {
            competitor = lostTo.Groups["competitor"].Value.Trim();
            rest = rest[..lostTo.Index];
        }
        rest = rest.Trim();
        foreach (var (word, reason) in LossReasonWords(pipeline))
        {
            if (rest.Length > word.Length && rest.EndsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                var before = rest[..^word.Length];
                var separated = before.EndsWith(' ') || before.EndsWith(',') || IsCjk(word[0]) || IsCjk(before[^1]);
                if (!separated) continue;
                return new LostCommand(CleanName(before), reason, competitor);
            }
        }
        return new LostCommand(CleanName(rest), competitor is null ? null : pipeline.MatchLossReason("competitor"), competitor);
    }

    /// <summary>The tenant's loss reasons and the Chinese words for the default ones, longest first.</summary>
    private static IEnumerable<(string Word, string Reason)> LossReasonWords(PipelineSettings pipeline)
    {
        var words = pipeline.LossReasons.Select(r => (r, r)).ToList();
        foreach (var (zh, en) in ChineseLossReasons)
        {
            if (pipeline.MatchLossReason(en) is { } reason) words.Add((zh, reason));
        }
        return words.OrderByDescending(w => w.Item1.Length);
    }

    private static readonly (string Zh, string En)[] ChineseLossReasons =
    [
        ("价格", "price"), ("价格太高", "price"), ("太贵", "price"), ("竞争对手", "competitor"), ("竞品", "competitor"),
        ("没有预算", "no budget"), ("无预算", "no budget"), ("没有决策", "no decision"), ("未决策", "no decision"), ("无决策", "no decision"),
        ("时机", "timing"), ("时间不合适", "timing"), ("产品不匹配", "product fit"), ("产品匹配", "product fit"), ("失去联系", "lost contact"), ("失联", "lost contact"),
    ];

    private static BantUpdate ParseQualification(string keyword, string value)
    {
        var key = keyword.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        switch (key)
        {
            case "budget" or "预算":
                decimal? amount = null;
                string? currency = null;
                var statusWords = new List<string>();
                foreach (var token in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (amount is null && AmountParser.TryParse(token, out var parsed)) (amount, currency) = (parsed.Value, parsed.Currency);
                    else statusWords.Add(token);
                }
                if (amount is null && LeadingAmount().Match(value) is { Success: true } leading && AmountParser.TryParse(leading.Groups["amount"].Value, out var glued))
                {
                    (amount, currency) = (glued.Value, glued.Currency);
                    statusWords = [value[leading.Length..]];
                }
                return new BantUpdate { BudgetAmount = amount, BudgetCurrency = currency, BudgetStatus = QualificationWords.BudgetStatusOf(string.Join(' ', statusWords)) };
            case "decisionmaker" or "决策人":
                var name = CleanName(value);
                return name.Length == 0 ? new BantUpdate() : new BantUpdate { DecisionMakerName = name, DecisionMakerKnown = true };
            case "need" or "需求":
                return new BantUpdate { Need = QualificationWords.NeedOf(value) };
            default:
                if (DateParser.TryParse(value, out var target)) return new BantUpdate { TargetDate = target };
                return new BantUpdate { Timeframe = QualificationWords.TimeframeOf(value) };
        }
    }

    private static InteractionKind KindOf(string word) => word.ToLowerInvariant() switch
    {
        "call" or "phone" or "电话" => InteractionKind.Call,
        "meeting" or "会议" or "会面" => InteractionKind.Meeting,
        "email" or "邮件" => InteractionKind.Email,
        "chat" or "聊天" => InteractionKind.Chat,
        _ => InteractionKind.Note,
    };

    private static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9FFF';
}
