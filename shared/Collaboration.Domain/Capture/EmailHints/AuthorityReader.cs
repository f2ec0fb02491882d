using System.Text.RegularExpressions;

namespace Collaboration.Domain.Capture.EmailHints;

internal static partial class AuthorityReader
{
    internal const string UnknownRole = "Unknown";
    private const int SignatureLinesAfterSignOff = 8;
    private const int SignatureLinesWithoutSignOff = 6;
    private const int MaxSignatureLineLength = 80;

    private sealed record RoleSighting(string Role, string Evidence);

    public static AuthorityHint? Read(EmailSection section)
    {
        var ownRole = SelfStatedRole(section.Sentences) ?? SignatureRole(section.Lines);
        foreach (var sentence in section.Sentences)
        {
            // A deferral is checked first: "I can't sign off, my CFO will decide" mentions signing off too.
            if (DefersDecision().IsMatch(sentence))
            {
                return new AuthorityHint(ownRole?.Role ?? UnknownRole, IsDecisionMaker: false, EmailText.Evidence(sentence));
            }

            if (ClaimsDecision().IsMatch(sentence))
            {
                return new AuthorityHint(ownRole?.Role ?? UnknownRole, IsDecisionMaker: true, EmailText.Evidence(sentence));
            }
        }

        return ownRole is null ? null : new AuthorityHint(ownRole.Role, IsDecisionMakerByTitle(ownRole.Role), ownRole.Evidence);
    }

    internal static bool IsDecisionMakerByTitle(string role) =>
        !ManagerLevelTitle().IsMatch(role) || SeniorTitle().IsMatch(role);

    private static RoleSighting? SelfStatedRole(IReadOnlyList<string> sentences)
    {
        foreach (var sentence in sentences)
        {
            var match = SelfStatement().Match(sentence);
            if (match.Success)
            {
                return new RoleSighting(CanonicalRole(match.Groups["role"].Value), EmailText.Evidence(sentence));
            }
        }

        return null;
    }

    private static RoleSighting? SignatureRole(IReadOnlyList<string> lines)
    {
        var signOff = -1;
        for (var index = lines.Count - 1; index >= 0 && index >= lines.Count - 20; index--)
        {
            if (SignOff().IsMatch(lines[index]))
            {
                signOff = index;
                break;
            }
        }

        var first = signOff >= 0 ? signOff + 1 : Math.Max(0, lines.Count - SignatureLinesWithoutSignOff);
        var last = signOff >= 0 ? Math.Min(lines.Count, first + SignatureLinesAfterSignOff) : lines.Count;
        var maxLength = signOff >= 0 ? MaxSignatureLineLength : MaxSignatureLineLength / 2;
        for (var index = first; index < last; index++)
        {
            var line = lines[index];
            if (line.Length > maxLength || ReadsLikeASentence().IsMatch(line))
            {
                continue;
            }

            var match = RoleTitle().Match(line);
            if (match.Success)
            {
                return new RoleSighting(CanonicalRole(match.Value), EmailText.Evidence(line));
            }
        }

        return null;
    }

    private static string CanonicalRole(string role)
    {
        var collapsed = Whitespace().Replace(role.Trim().TrimEnd(',', '.', ';', ':'), " ");
        if (collapsed.Length == 0)
        {
            return UnknownRole;
        }

        return collapsed.ToLowerInvariant() switch
        {
            "chief executive officer" => "CEO",
            "chief financial officer" => "CFO",
            "chief technology officer" or "chief technical officer" => "CTO",
            "chief operating officer" => "COO",
            "chief information officer" => "CIO",
            "chief marketing officer" => "CMO",
            "chief revenue officer" => "CRO",
            "chief information security officer" => "CISO",
            "首席执行官" => "CEO",
            "首席技术官" => "CTO",
            "首席财务官" => "CFO",
            "首席运营官" => "COO",
            "首席信息官" => "CIO",
            "ceo" or "cfo" or "cto" or "coo" or "cio" or "ciso" or "cmo" or "cro" or "cpo" or "cdo" => collapsed.ToUpperInvariant(),
            _ when char.IsAsciiLetterLower(collapsed[0]) => char.ToUpperInvariant(collapsed[0]) + collapsed[1..],
            _ => collapsed,
        };
    }

    private const string EnglishRole = """
        (?:\b(?:CEO|CFO|CTO|COO|CIO|CISO|CMO|CRO|CPO|CDO)\b
        |\b[Cc]hief\s+(?:[A-Z][a-z]+\s+){1,2}Officer\b
        |\b(?:[Cc]o-?[Ff]ounder|[Ff]ounder|[Oo]wner|Managing\s+Director|General\s+Manager|Managing\s+Partner)\b
        |\b(?:SVP|EVP|VP|Vice\s+President)\b(?:,?\s+(?:of\s+)?[A-Z][A-Za-z&]+(?:\s+(?:&\s+|and\s+)?[A-Z][A-Za-z]+){0,2})?
        |\b[Pp]resident\b
        |\b(?:[Hh]ead|[Dd]irector)\s+of\s+(?:the\s+)?[A-Z][A-Za-z&]+(?:\s+(?:&\s+|and\s+)?[A-Z][A-Za-z]+){0,2}
        |\b(?:(?:IT|[A-Z][a-z]+)\s+){1,2}(?:Director|Lead)\b
        |\b[Dd]irector\b
        |\b(?:Procurement|Purchasing|IT|Operations|Facilities|Office|Finance)\s+Manager\b)
        """;

    private const string ChineseRole = """
        (?:首席(?:执行|技术|财务|运营|信息|营销|数字)官|董事长|副?总经理|副?总裁|(?:联合)?创始人|老板|
           (?:采购|技术|信息化?|IT|财务|运营|行政|人力资源|人事|项目|产品|研发|数字化|法务|市场|信息技术)部?(?:总监|经理|主管|负责人)|
           总监|部门负责人)
        """;

    [GeneratedRegex("(?<role>" + EnglishRole + "|" + ChineseRole + ")", RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, 250)]
    private static partial Regex RoleTitle();

    [GeneratedRegex(@"(?:(?i:(?:\b(?:i'm|i\s+am|my\s+(?:role|title)\s+is|in\s+my\s+role\s+as)|(?:^|(?<=[,;]\s{0,2})|\band\s+)as)\s+(?:the\s+|a\s+|an\s+|our\s+|your\s+|their\s+)?(?:new\s+|acting\s+|interim\s+)?)(?<role>" + EnglishRole + @")(?!'s|\s+(?i:assistant|office))
        |(?:我是|本人是|我是贵司的|作为|我现在是|我担任)(?:公司|我们公司|我司|这边|贵司)?的?(?<role>" + ChineseRole + @"|CEO|CFO|CTO|COO|CIO|CMO)
        |我是(?<role>[^,.。!?;:\s]{1,12}?负责人))",
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, 250)]
    private static partial Regex SelfStatement();

    [GeneratedRegex(@"(?i:\bi(?:'m|\s+am)\s+(?:the\s+)?(?:final\s+|main\s+|key\s+)?decision[- ]?maker|\bi\s+(?:make|will\s+make|'ll\s+make|get\s+to\s+make)\s+the\s+(?:final\s+)?(?:decision|call)|\bi\s+(?:sign|will\s+sign|'ll\s+sign|can\s+sign)\s+off|\bi\s+(?:have|hold)\s+(?:the\s+)?(?:final\s+say|signing\s+authority|budget\s+authority|sign-off\s+authority)|\b(?:final\s+)?(?:decision|call)\s+is\s+mine|\bi\s+(?:own|control|hold)\s+the\s+budget|\bi(?:'m|\s+am)\s+the\s+budget\s+(?:owner|holder)|\bi\s+(?:can|will)\s+approve\b|\bi\s+decide\b)|我来拍板|我(?:可以|能)?拍板|我负责(?:最终)?决策|我说了算|由我(?:来)?决定|我(?:有|拥有)(?:最终)?决定权|我(?:可以|能)签字|最终(?:由我|我来)决定|我(?:来|可以)决定", RegexOptions.CultureInvariant, 250)]
    private static partial Regex ClaimsDecision();

    [GeneratedRegex(@"(?i:\b(?:my|our)\s+(?:manager|boss|director|vp|cfo|ceo|cto|coo|cio|head\s+of\s+[a-z]+|leadership|management|board|procurement(?:\s+team)?|finance(?:\s+team)?|purchasing(?:\s+team)?)\s+(?:will|would|has\s+to|needs\s+to|must|makes?|is\s+going\s+to|gets\s+to)\s+(?:decide|make\s+the\s+(?:final\s+)?(?:decision|call)|approve|sign(?:\s+off)?|have\s+the\s+final\s+say)|\b(?:need|needs|have|has)\s+to\s+(?:get\s+(?:approval|sign-off)\s+from|run\s+(?:this|it)\s+(?:by|past)|check\s+with|consult)\s+(?:my|our)\b|\bnot\s+the\s+(?:final\s+)?decision[- ]?maker|\bi\s+(?:don't|do\s+not|can't|cannot)\s+(?:make\s+the\s+(?:final\s+)?decision|sign\s+off|approve)|\b(?:the\s+)?(?:final\s+)?decision\s+(?:will\s+be|is)\s+(?:made|taken)\s+by|\bapproval\s+from\s+(?:my|our)\s+)|需要(?:向)?(?:领导|老板|上级|总经理|总监|公司|董事会)(?:审批|批准|确认|汇报|请示|决定|同意|拍板)|(?:领导|老板|上级|总经理|董事长|总监|董事会)(?:来|会|最终)?(?:决定|拍板|审批|定夺)|我(?:需要|得|要)(?:请示|汇报|问一下领导|和领导商量)|我不是决策人|我做不了主|不是我(?:能)?决定", RegexOptions.CultureInvariant, 250)]
    private static partial Regex DefersDecision();

    [GeneratedRegex(@"^(?i:best(?:\s+regards|\s+wishes)?|kind\s+regards|warm\s+regards|regards|many\s+thanks|thanks(?:\s+again|\s+in\s+advance)?|thank\s+you|cheers|sincerely|yours\s+sincerely|yours\s+truly|br|--)[,.!\s]*$|^(?:此致|敬礼|谢谢|祝好|顺祝商祺|祝商祺|顺颂商祺|祝工作顺利)[,.!。\s]*$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex SignOff();

    [GeneratedRegex(@"(?i:\b(?:i|we|our|my|will|would|to|please)\b)|我|我们|会|需要|决定|请|吗", RegexOptions.CultureInvariant, 250)]
    private static partial Regex ReadsLikeASentence();

    [GeneratedRegex(@"(?i:\bmanager\b|\blead\b)|经理|主管", RegexOptions.CultureInvariant, 250)]
    private static partial Regex ManagerLevelTitle();

    [GeneratedRegex(@"(?i:\bgeneral\s+manager\b)|总经理", RegexOptions.CultureInvariant, 250)]
    private static partial Regex SeniorTitle();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, 250)]
    private static partial Regex Whitespace();
}
