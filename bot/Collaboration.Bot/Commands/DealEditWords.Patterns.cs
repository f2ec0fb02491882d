using System.Text.RegularExpressions;

namespace Collaboration.Bot.Commands;

public static partial class DealEditWords
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"<at>(?<name>.*?)</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"<a\b[^>]*>(?<text>.*?)</a>", RegexOptions.IgnoreCase)]
    private static partial Regex MailtoLink();

    [GeneratedRegex(@"^(?:re)?assign\s+(?<deal>.+)\s+to\s+(?<who>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex AssignEnglish();

    [GeneratedRegex(@"^(?:(?:把|将)\s*(?<deal>.+?)\s*(?:重新)?(?:分配给|指派给|转交给|转给|交给)|(?:分配|指派|转交)\s*(?<deal>.+?)\s*给)\s*(?<who>\S.*)$")]
    private static partial Regex AssignChinese();

    [GeneratedRegex(@"^rename\s+(?<deal>.+?)\s+(?:to|as)\s+(?<name>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex RenameEnglish();

    [GeneratedRegex(@"^(?:(?:(?:把|将)\s*)?(?<deal>.+?)\s*(?:改名为|改名成|改名叫|重命名为|更名为)|(?:重命名|改名)\s*(?<deal>.+?)\s*(?:为|成|叫))\s*(?<name>\S.*)$")]
    private static partial Regex RenameChinese();

    [GeneratedRegex(@"^(?:(?:re-?open|revive)\s+|(?:重新打开|重新开启|重新激活|重开)\s*)(?<deal>.+?)(?:\s*:\s*(?<reason>.+)|\s+(?:because|since)\s+(?<reason>.+)|\s*,?\s*(?:因为|原因是|原因)\s*:?\s*(?<reason>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Reopen();

    [GeneratedRegex(@"(?<=\s)(?:(?<Amount>amount|value|worth)|(?<CloseDate>close\s+date|closing\s+date|expected\s+close(?:\s+date)?|closes|closing|close)"
        + @"|(?<Probability>win\s+probability|probability|prob|chance)|(?<NextStep>next\s+step|next\s+action)|(?<Contact>primary\s+contact|main\s+contact|contact)"
        + @"|(?<StartPlan>(?:start|begin|enrol|enroll)\s+(?:(?:the|a)\s+)?(?:follow[\s-]?up\s+|nurture\s+)?plan)|(?<StopPlan>(?:stop|end|cancel)\s+(?:the\s+)?(?:follow[\s-]?up\s+|nurture\s+)?plan))(?=\s|:|$)"
        + @"|(?<Amount>合同金额|商机金额|金额|价值)|(?<CloseDate>预计成交日期|预计成交时间|预计成交|成交日期|成交时间|结单日期)"
        + @"|(?<Probability>赢单概率|成交概率|赢单率|赢率|胜率|概率|可能性)|(?<NextStep>下一步行动|下一步|下步)|(?<Contact>主要联系人|主联系人|联系人)"
        + @"|(?<StartPlan>(?:开始|启动|开启)(?:跟进|培育)?计划)|(?<StopPlan>(?:停止|结束|取消)(?:跟进|培育)?计划)", RegexOptions.IgnoreCase)]
    private static partial Regex FieldWord();

    [GeneratedRegex(@"^(?:[:=]|(?:to|is|at|of)(?=\s)|改为|改成|设为|设置为|调整为|更新为|为|是)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ValueLead();

    [GeneratedRegex(@"^(?::|是|为)\s*")]
    private static partial Regex NextStepLead();

    [GeneratedRegex(@"^(?:auto(?:matic)?|default|stage\s+default|reset|自动|默认|阶段默认|恢复默认)$", RegexOptions.IgnoreCase)]
    private static partial Regex StageDefault();

    [GeneratedRegex(@"^(?:(?<n>\d{1,3})\s*(?:%|percent|pct)?|百分之\s*(?<n>\d{1,3}))$", RegexOptions.IgnoreCase)]
    private static partial Regex Percent();
}
