using System.Text.RegularExpressions;

namespace Collaboration.Domain.Capture.EmailHints;

internal static partial class AuthorityReader
{
    [GeneratedRegex("(?<role>" + EnglishRole + "|" + ChineseRole + ")", RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex RoleTitle();

    [GeneratedRegex(@"(?:(?i:(?:\b(?:i'm|i\s+am|my\s+(?:role|title)\s+is|in\s+my\s+role\s+as)|(?:^|(?<=[,;]\s{0,2})|\band\s+)as)\s+(?:the\s+|a\s+|an\s+|our\s+|your\s+|their\s+)?(?:new\s+|acting\s+|interim\s+)?)(?<role>" + EnglishRole + @")(?!'s|\s+(?i:assistant|office))
        |(?:我是|本人是|我是贵司的|作为|我现在是|我担任)(?:公司|我们公司|我司|这边|贵司)?的?(?<role>" + ChineseRole + @"|CEO|CFO|CTO|COO|CIO|CMO)
        |我是(?<role>[^,.。!?;:\s]{1,12}?负责人))",
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex SelfStatement();

    [GeneratedRegex(@"(?i:\bi(?:'m|\s+am)\s+(?:the\s+)?(?:final\s+|main\s+|key\s+)?decision[- ]?maker|\bi\s+(?:make|will\s+make|'ll\s+make|get\s+to\s+make)\s+the\s+(?:final\s+)?(?:decision|call)|\bi\s+(?:sign|will\s+sign|'ll\s+sign|can\s+sign)\s+off|\bi\s+(?:have|hold)\s+(?:the\s+)?(?:final\s+say|signing\s+authority|budget\s+authority|sign-off\s+authority)|\b(?:final\s+)?(?:decision|call)\s+is\s+mine|\bi\s+(?:own|control|hold)\s+the\s+budget|\bi(?:'m|\s+am)\s+the\s+budget\s+(?:owner|holder)|\bi\s+(?:can|will)\s+approve\b|\bi\s+decide\b)|我来拍板|我(?:可以|能)?拍板|我负责(?:最终)?决策|我说了算|由我(?:来)?决定|我(?:有|拥有)(?:最终)?决定权|我(?:可以|能)签字|最终(?:由我|我来)决定|我(?:来|可以)决定", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex ClaimsDecision();

    [GeneratedRegex(@"(?i:\b(?:my|our)\s+(?:manager|boss|director|vp|cfo|ceo|cto|coo|cio|head\s+of\s+[a-z]+|leadership|management|board|procurement(?:\s+team)?|finance(?:\s+team)?|purchasing(?:\s+team)?)\s+(?:will|would|has\s+to|needs\s+to|must|makes?|is\s+going\s+to|gets\s+to)\s+(?:decide|make\s+the\s+(?:final\s+)?(?:decision|call)|approve|sign(?:\s+off)?|have\s+the\s+final\s+say)|\b(?:need|needs|have|has)\s+to\s+(?:get\s+(?:approval|sign-off)\s+from|run\s+(?:this|it)\s+(?:by|past)|check\s+with|consult)\s+(?:my|our)\b|\bnot\s+the\s+(?:final\s+)?decision[- ]?maker|\bi\s+(?:don't|do\s+not|can't|cannot)\s+(?:make\s+the\s+(?:final\s+)?decision|sign\s+off|approve)|\b(?:the\s+)?(?:final\s+)?decision\s+(?:will\s+be|is)\s+(?:made|taken)\s+by|\bapproval\s+from\s+(?:my|our)\s+)|需要(?:向)?(?:领导|老板|上级|总经理|总监|公司|董事会)(?:审批|批准|确认|汇报|请示|决定|同意|拍板)|(?:领导|老板|上级|总经理|董事长|总监|董事会)(?:来|会|最终)?(?:决定|拍板|审批|定夺)|我(?:需要|得|要)(?:请示|汇报|问一下领导|和领导商量)|我不是决策人|我做不了主|不是我(?:能)?决定", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex DefersDecision();

    [GeneratedRegex(@"^(?i:best(?:\s+regards|\s+wishes)?|kind\s+regards|warm\s+regards|regards|many\s+thanks|thanks(?:\s+again|\s+in\s+advance)?|thank\s+you|cheers|sincerely|yours\s+sincerely|yours\s+truly|br|--)[,.!\s]*$|^(?:此致|敬礼|谢谢|祝好|顺祝商祺|祝商祺|顺颂商祺|祝工作顺利)[,.!。\s]*$", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex SignOff();

    [GeneratedRegex(@"(?i:\b(?:i|we|our|my|will|would|to|please)\b)|我|我们|会|需要|决定|请|吗", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex ReadsLikeASentence();

    [GeneratedRegex(@"(?i:\bmanager\b|\blead\b)|经理|主管", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex ManagerLevelTitle();

    [GeneratedRegex(@"(?i:\bgeneral\s+manager\b)|总经理", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex SeniorTitle();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex Whitespace();
}
