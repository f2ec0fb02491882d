using System.Text.RegularExpressions;

namespace Collaboration.Bot.Commands;

public static partial class CommandParser
{
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
