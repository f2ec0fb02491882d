using System.Text.RegularExpressions;

namespace Collaboration.Bot.Commands;

public static partial class ContractWords
{
    [GeneratedRegex(@"^(?<deal>.+?)\s+contract\s+(?:is\s+|was\s+|has\s+been\s+)?signed(?:\s+(?<rest>.*))?$", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex ContractEnglish();

    [GeneratedRegex(@"^(?<deal>.+?)\s*(?:合同已签署|合同已签订|合同已签|合同签了|已签合同|已签约|签了合同|签订合同|签署合同)\s*(?<rest>.*)$", RegexOptions.None, 1000)]
    private static partial Regex ContractChinese();

    [GeneratedRegex(@"^(?<deal>.+?)\s+(?:has\s+|have\s+)?paid(?:\s+(?<rest>.*))?$", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex PaidEnglish();

    [GeneratedRegex(@"^(?<deal>.+?)\s*(?:已经付款|已付款|已回款|已收款|已付)\s*(?<rest>.*)$", RegexOptions.None, 1000)]
    private static partial Regex PaidChinese();

    [GeneratedRegex(@"^(?<deal>.+?)\s+(?:(?:was|is|has\s+been|got)\s+)?delivered$", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex DeliveredEnglish();

    [GeneratedRegex(@"^(?<deal>.+?)\s*(?:已经交付|已交付|交付完成|已交货)$", RegexOptions.None, 1000)]
    private static partial Regex DeliveredChinese();

    [GeneratedRegex(@"^(?<deal>.+?)\s+payment\s+(?:of\s+)?(?<amount>.+?)\s+due\s+(?<date>.+)$", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex PaymentEnglish();

    [GeneratedRegex(@"^(?<deal>.+?)\s*(?:付款|回款|收款)\s*(?<amount>\S+?)(?:\s*(?:到期日?|截止日期|截止|应付日期|due)\s*|\s+)(?<date>\S.*)$", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex PaymentChinese();

    [GeneratedRegex(@"^(?<deal>.+?)\s+delivery\s+due\s+(?<date>.+)$", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex DeliveryEnglish();

    [GeneratedRegex(@"^(?<deal>.+?)\s*(?:交付|交货)\s*(?:到期日?|截止日期|截止|日期|期限)?\s*(?<date>\d.*|[今明后下本月年季周].*)$", RegexOptions.None, 1000)]
    private static partial Regex DeliveryChinese();

    /// <summary>Messages other commands own even though they may end in these words.</summary>
    [GeneratedRegex(@"^(?:re)?assign\s|^rename\s|^re-?open\s|^revive\s|^log\s|^move\s|^show\s|^advance\s|^把|^将|^重命名|^改名|^重新打开|next\s+(?:step|action)|下一?步", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex OtherCommand();

    [GeneratedRegex(@"<a\b[^>]*?href=""(?<href>[^""]{1,2000})""[^>]*>.*?</a>|(?<url>https?://\S{1,2000})", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Link();

    [GeneratedRegex(@"(?:^|\s)(?:for|value|worth|金额|价值|合同金额)\s*[:=]?\s*(?<amount>[^\s\d]{0,3}\s?[\d.,]+\s*(?:[kmb]|bn|mm|mn|万|亿|千|元)?(?:\s+[A-Za-z]{3}(?=\s|$))?)", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex ValueWord();

    [GeneratedRegex(@"^(?:on|due|by|于|在|日期|到期)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex DateLead();

    [GeneratedRegex(@"^(?:yesterday|昨天|昨日)$", RegexOptions.IgnoreCase)]
    private static partial Regex Yesterday();

    [GeneratedRegex(@"^(?:(?<n>\d{1,3}(?:\.\d{1,2})?)\s*(?:%|percent|pct)|百分之\s*(?<n>\d{1,3}(?:\.\d{1,2})?))$", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Percent();
}
