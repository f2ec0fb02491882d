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
}
