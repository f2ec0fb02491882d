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
        if (Won().Match(input) is { Success: true } won) return ParseWon(won.Groups["rest"].Value);
        if (Lost().Match(input) is { Success: true } lost) return ParseLost(lost.Groups["rest"].Value, pipeline);
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

    private static BotCommand? ParseNotificationCommand(string input)
    {
        if (Reminders().IsMatch(input)) return new RemindersCommand();
        if (Parked().IsMatch(input)) return new ParkedCommand();
        if (Unsubscribe().IsMatch(input)) return new UnsubscribeCommand();
        if (Subscribe().Match(input) is { Success: true } subscribe)
        {
            var what = subscribe.Groups["what"].Value.Trim().ToLowerInvariant();
            Domain.Notifications.SubscriptionFilter? filter = what switch
            {
                "won deals" or "won" or "wins" or "won deal" or "deals won" or "赢单" or "赢单商机" or "成交" => Domain.Notifications.SubscriptionFilter.WonDeals,
                "all stage changes" or "all" or "stage changes" or "all changes" or "everything" or "所有阶段变化" or "阶段变化" or "所有" or "全部" or "所有变化"
                    => Domain.Notifications.SubscriptionFilter.AllStageChanges,
                "my team" or "team" or "my team's deals" or "我的团队" or "团队" or "本团队" => Domain.Notifications.SubscriptionFilter.MyTeam,
                _ => null,
            };
            return filter is { } f ? new SubscribeCommand(f) : new UnknownCommand(input);
        }
        if (Unmute().Match(input) is { Success: true } unmute && CleanName(unmute.Groups["deal"].Value) is { Length: > 0 } unmuted)
        {
            return new MuteDealCommand(unmuted, Mute: false);
        }
        if (Mute().Match(input) is { Success: true } mute && CleanName(mute.Groups["deal"].Value) is { Length: > 0 } muted)
        {
            return new MuteDealCommand(muted, Mute: true);
        }
        if (QuietHours().Match(input) is { Success: true } quiet)
        {
            if (quiet.Groups["off"].Success) return new QuietHoursCommand(null, null);
            return TimeOf(quiet.Groups["from"].Value) is { } from && TimeOf(quiet.Groups["until"].Value) is { } until
                ? new QuietHoursCommand(from, until)
                : new UnknownCommand(input);
        }
        return null;
    }

    private static TimeOnly? TimeOf(string text)
    {
        var parts = text.Split(':');
        if (!int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var hour)) return null;
        var minute = 0;
        if (parts.Length > 1 && !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out minute)) return null;
        if (hour == 24 && minute == 0) hour = 0;
        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
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
                return new BantUpdate { BudgetAmount = amount, BudgetCurrency = currency, BudgetStatus = BudgetStatusOf(string.Join(' ', statusWords)) };
            case "decisionmaker" or "决策人":
                var name = CleanName(value);
                return name.Length == 0 ? new BantUpdate() : new BantUpdate { DecisionMakerName = name, DecisionMakerKnown = true };
            case "need" or "需求":
                return new BantUpdate { Need = NeedOf(value) };
            default:
                if (DateParser.TryParse(value, out var target)) return new BantUpdate { TargetDate = target };
                return new BantUpdate { Timeframe = TimeframeOf(value) };
        }
    }

    internal static BudgetStatus? BudgetStatusOf(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length == 0) return null;
        if (Has(t, "no budget", "not committed", "none", "no committed", "没有", "无预算", "未承诺", "无")) return BudgetStatus.NoCommittedBudget;
        if (Has(t, "may buy", "maybe", "possible", "pending", "tbd", "可能", "待定", "待批")) return BudgetStatus.MayBuy;
        if (Has(t, "can buy", "available", "allocated", "has budget", "可购买", "已分配", "有预算", "可以买")) return BudgetStatus.CanBuy;
        if (Has(t, "confirmed", "approved", "committed", "will buy", "signed off", "已确认", "确认", "已批准", "批准", "会买")) return BudgetStatus.WillBuy;
        return null;
    }

    internal static NeedLevel? NeedOf(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length == 0) return null;
        if (Has(t, "no need", "none", "not needed", "不需要", "无需求", "没有需求")) return NeedLevel.NoNeed;
        if (Has(t, "must", "critical", "essential", "必须", "必需", "刚需", "关键")) return NeedLevel.MustHave;
        if (Has(t, "should", "important", "应该", "重要")) return NeedLevel.ShouldHave;
        if (Has(t, "good to have", "nice", "could", "optional", "最好有", "锦上添花", "可有可无", "可选")) return NeedLevel.GoodToHave;
        return null;
    }

    internal static Timeframe? TimeframeOf(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length == 0) return null;
        if (Has(t, "next quarter", "下季度", "下个季度", "下一季度")) return Timeframe.NextQuarter;
        if (Has(t, "this quarter", "本季度", "这个季度", "这季度")) return Timeframe.ThisQuarter;
        if (Has(t, "next year", "明年")) return Timeframe.NextYear;
        if (Has(t, "this year", "今年", "本年")) return Timeframe.ThisYear;
        if (Has(t, "immediate", "now", "asap", "this month", "立即", "马上", "立刻", "本月", "尽快")) return Timeframe.Immediate;
        return null;
    }

    private static bool Has(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    private static InteractionKind KindOf(string word) => word.ToLowerInvariant() switch
    {
        "call" or "phone" or "电话" => InteractionKind.Call,
        "meeting" or "会议" or "会面" => InteractionKind.Meeting,
        "email" or "邮件" => InteractionKind.Email,
        "chat" or "聊天" => InteractionKind.Chat,
        _ => InteractionKind.Note,
    };

    private static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9FFF';

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?:reminders?(?:\s+(?:today|due|now))?|what'?s due|due today|提醒|我的提醒|待办|今日提醒)$", RegexOptions.IgnoreCase)]
    private static partial Regex Reminders();

    [GeneratedRegex(@"^(?:parked(?:\s+(?:notifications|deliveries|messages))?|failed notifications|失败通知|发送失败|发送失败的通知)$", RegexOptions.IgnoreCase)]
    private static partial Regex Parked();

    [GeneratedRegex(@"^(?:unsubscribe(?:\s+(?:all|everything|this channel))?|取消订阅(?:\s*(?:全部|所有))?|退订)$", RegexOptions.IgnoreCase)]
    private static partial Regex Unsubscribe();

    [GeneratedRegex(@"^(?:subscribe(?:\s+to)?\s+|订阅\s*)(?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Subscribe();

    [GeneratedRegex(@"^(?:unmute\s+|取消静音\s*)(?<deal>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Unmute();

    [GeneratedRegex(@"^(?:mute\s+|静音\s*)(?<deal>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Mute();

    [GeneratedRegex(@"^(?:quiet\s*hours|免打扰(?:时段)?|勿扰)\s*:?\s*(?:(?<off>off|none|stop|关闭|取消|关)|(?<from>\d{1,2}(?::\d{2})?)\s*(?:-|–|—|~|to|到|至)\s*(?<until>\d{1,2}(?::\d{2})?))$", RegexOptions.IgnoreCase)]
    private static partial Regex QuietHours();

    [GeneratedRegex(@"^(?:help|\?|/help|commands|帮助|帮忙|命令|怎么用)$", RegexOptions.IgnoreCase)]
    private static partial Regex Help();

    [GeneratedRegex(@"^(?:my deals|my opportunities|my pipeline|deals|list deals|list|我的商机|我的机会|商机列表|我的销售机会)$", RegexOptions.IgnoreCase)]
    private static partial Regex MyDeals();

    [GeneratedRegex(@"^(?:reviews?|retros?|retrospectives?|复盘|回顾)(?:$|\s+|(?<=[\u3400-\u9FFF])(?=\S))(?:(?:competitor|against|vs\.?|竞争对手|对手)\s*:?\s*(?<competitor>.+)|(?<text>.*))$", RegexOptions.IgnoreCase)]
    private static partial Regex Reviews();

    [GeneratedRegex(@"^(?:(?:new|create|add)\s+(?:deal|opportunity)\b|新商机|新建商机|创建商机|新增商机)\s*:?\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NewDeal();

    [GeneratedRegex(@"^(?:log\s+|记录\s*)(?:(?<kind>call|phone|meeting|note|email|chat)\s+|(?<kind>电话|会议|会面|笔记|备注|邮件|聊天)\s*)?(?<deal>[^:]+?)\s*:\s*(?<text>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Log();

    [GeneratedRegex(@"^(?:(?:close\s+)?won|win|赢单|赢了|成交)\s*(?<rest>(?<=[^a-z]|^).+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Won();

    [GeneratedRegex(@"^(?:(?:close\s+)?lost|lose|输单|丢单|输了)\s*(?<rest>(?<=[^a-z]|^).+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Lost();

    [GeneratedRegex(@"\s+(?:to|against)\s+(?<competitor>.+)$|\s*(?:输给|竞争对手是|竞争对手:)\s*(?<competitor>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex LostTo();

    [GeneratedRegex(@"^(?:move\s+|set\s+stage\s+(?:of\s+)?|推进\s*|移动\s*|移到\s*)(?<deal>.+)(?:\s+to\s+|\s*(?:到|至)\s*)(?<stage>[^\s].*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Move();

    [GeneratedRegex(@"^(?:advance\s+|next\s+stage\s+|推进\s*|下一阶段\s*)(?<deal>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Advance();

    [GeneratedRegex(@"^(?:show\s+|open\s+|find\s+|view\s+|查看\s*|显示\s*|打开\s*|查找\s*)(?<deal>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Show();

    [GeneratedRegex(@"^(?<deal>.+?)(?:\s+(?<kw>budget|decision[\s-]?maker|need|timeline|timeframe)\b|\s*(?<kw>预算|决策人|需求|时间表|时间线|时间))\s*:?\s*(?<value>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Qualify();

    [GeneratedRegex(@"(?:^|\s+)(?:referred\s+by|referral\s+from|ref\s+by)\s+(?<who>.+?)(?=\s+(?:close|closing|amount)\b|$)|\s*(?:推荐人\s*:?\s*(?<who>\S+)|由\s*(?<who>\S+?)\s*推荐)", RegexOptions.IgnoreCase)]
    private static partial Regex ReferredBy();

    [GeneratedRegex(@"(?:^|\s+)(?:close\s+date|closing|closes|close|by)\s*:?\s*(?<date>\d{4}[-/.]\d{1,2}[-/.]\d{1,2})|\s*(?:预计成交日期|预计成交|成交日期|成交|截止|结单)\s*:?\s*(?<date>\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日?))", RegexOptions.IgnoreCase)]
    private static partial Regex CloseDate();

    [GeneratedRegex(@"(?:^|\s+)(?:amount|worth|value|金额|价值)\s*:?\s*(?<amount>\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitAmount();

    [GeneratedRegex(@"^(?<amount>\S*?\d(?:[\d.,]*)(?:万|亿|千|k|m)?)(?=[^\d\s.,])", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingAmount();
}

/// <summary>Stage words in both languages: the tenant's display names first, then the stage keys and common synonyms.</summary>
public static class StageWords
{
    private static readonly (string Word, Stage Stage)[] Synonyms =
    [
        ("new", Stage.New), ("capture", Stage.New), ("新建", Stage.New), ("新", Stage.New),
        ("qualify", Stage.Qualify), ("qualification", Stage.Qualify), ("qualified", Stage.Qualify), ("资格", Stage.Qualify), ("审核", Stage.Qualify), ("资格审核", Stage.Qualify),
        ("nurture", Stage.Nurture), ("nurturing", Stage.Nurture), ("培育", Stage.Nurture), ("培养", Stage.Nurture),
        ("proposal", Stage.Proposal), ("propose", Stage.Proposal), ("quote", Stage.Proposal), ("方案", Stage.Proposal), ("提案", Stage.Proposal), ("报价", Stage.Proposal),
        ("negotiation", Stage.Negotiation), ("negotiate", Stage.Negotiation), ("谈判", Stage.Negotiation), ("议价", Stage.Negotiation),
        ("contract", Stage.Contract), ("合同", Stage.Contract), ("签约", Stage.Contract),
        ("won", Stage.Won), ("win", Stage.Won), ("closed won", Stage.Won), ("赢单", Stage.Won), ("赢", Stage.Won),
        ("lost", Stage.Lost), ("closed lost", Stage.Lost), ("输单", Stage.Lost), ("输", Stage.Lost),
    ];

    public static Stage? Resolve(string? text, PipelineSettings pipeline)
    {
        var wanted = (text ?? "").Trim().Trim('"', '“', '”', '「', '」').ToLowerInvariant();
        if (wanted.Length == 0) return null;
        foreach (var stage in pipeline.Stages)
        {
            if (string.Equals(stage.Name, wanted, StringComparison.OrdinalIgnoreCase) || stage.NameZh == wanted) return stage.Stage;
        }
        foreach (var (word, stage) in Synonyms)
        {
            if (word == wanted) return stage;
        }
        var prefixed = pipeline.Stages.Where(s => wanted.Length >= 3 && s.Name.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        return prefixed.Count == 1 ? prefixed[0].Stage : null;
    }
}
