using System.Text.RegularExpressions;

namespace Collaboration.Domain.Capture.EmailHints;

internal static partial class BudgetReader
{
    [GeneratedRegex("""
        (?<![A-Za-z0-9_\-+/\#$€£¥])(?<![0-9][.,])
        (?:(?<pre>US\$|HK\$|S\$|A\$|C\$|\$|€|£|¥|(?i:usd|eur|gbp|rmb|cny|hkd|sgd|aud|cad|jpy)(?![A-Za-z]))\s?)?
        (?<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)
        (?![0-9/:]|\.[0-9]|-[0-9])
        (?:\s?(?<mult>(?i:thousand|million|billion|mil|mm|bn|k|m|b)(?![A-Za-z])|百万|千万|万|亿|千))?
        (?:\s?(?<post>(?i:usd|eur|gbp|rmb|cny|hkd|sgd|aud|cad|jpy|dollars?|euros?|pounds?)(?![A-Za-z])|人民币|美元|美金|欧元|英镑|港币|港元|日元|元|块))?
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex Amount();

    [GeneratedRegex("(?<num>[零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]{1,8})(?<mult>万|亿)(?<post>元|人民币|美元|块)?", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex ChineseAmount();

    [GeneratedRegex("""
        ^\s?(?:
          (?i:seats?|users?|licen[cs]es?|people|persons?|employees|staff|agents|members|accounts|units|pcs|copies|
              hours?|days?|weeks?|months?|years?|yrs?|gb|tb|mb|percent|pct|each|per\s+(?!year|annum|month)|x\b)
          |%|/(?!\s?(?i:year|yr|annum|month|mo)\b)|人|个|位|席|套|台|名|份|用户|账号|天|周|年|月|日|号|小时|次|家|倍|每)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex UnitAfterAmount();

    [GeneratedRegex(@"(?i:\b(?:order|po|p\.o\.|invoice|inv|ticket|case|ref|reference|no\.|number|tel|phone|mobile|cell|fax|ext|id|account|acct|sku|version|v)\s*(?:#|no\.?|number)?\s*[:.]?\s*$)|(?:订单|单号|编号|发票|电话|手机|传真|工号|合同号|账号)\s*(?:号|号码)?\s*[:]?\s*$", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex IdentifierLabel();

    [GeneratedRegex(@"(?i:\b(?:budget(?:ed|s|ing)?|spend(?:ing)?|allocat(?:ed|e|ion)|approved|set\s+aside|earmarked|funds?)\b)|预算|费用|投入|经费|资金|拨款", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex BudgetWord();

    [GeneratedRegex(@"(?i:\b(?:prices?|priced|pricing|costs?|quot(?:e|es|ed|ation)|proposals?|contract\s+value|pay(?:ing)?|purchase|invest(?:ment|ing)?|spent|fees?|worth|afford)\b)|报价|价格|价钱|成本|采购|花费|付款|金额|花", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex PriceWord();

    [GeneratedRegex(@"(?i:\b(?:revenues?|turnover|sales|valuation|valued|raised|market\s+cap|arr|mrr|profits?|income|salar(?:y|ies)|loss(?:es)?|fines?|penalty)\b)|营收|营业额|收入|销售额|市值|融资|利润|年薪|工资|罚款", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex NotABudgetWord();

    [GeneratedRegex(@"(?i:\bno\s+(?:budget|funds|funding)\b|\b(?:don't|do\s+not|doesn't|does\s+not|didn't|haven't|have\s+not|hasn't|has\s+not)\s+(?:yet\s+)?(?:have\s+|got\s+|set\s+)?(?:a\s+|any\s+)?(?:budget|funding)|\bbudget\s+(?:is\s+|has\s+)?(?:not|n't)\s+(?:yet\s+)?(?:been\s+)?(?:allocated|set|defined|decided|determined|planned)|\bwithout\s+(?:a\s+)?budget|\bbudget\s+(?:is\s+)?(?:tbd|tbc|unknown|unclear)\b)|还?没有(?:相关的?)?预算|暂(?:时)?(?:还)?(?:没有|无)预算|无预算|预算(?:还)?(?:未定|没定|不确定|待定|没有着落)", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex NoBudget();

    [GeneratedRegex(@"(?i:\bbudget\s+(?:is\s+|has\s+)?(?:not|n't)\s+(?:yet\s+)?(?:been\s+)?(?:approved|signed\s+off)|\b(?:pending|awaiting)\s+(?:budget\s+)?(?:approval|sign-off)|\b(?:need|needs|have|has)\s+to\s+(?:get|seek|secure|request)\s+(?:the\s+)?(?:budget|approval|sign-off)|\bsubmit(?:ted|ting)?\s+(?:a\s+|the\s+)?budget\s+request|\bbudget\s+(?:request|approval)\s+(?:is\s+)?(?:pending|in\s+progress|under\s+review)|\bbudget\s+(?:is\s+)?under\s+review|\bseeking\s+budget)|预算(?:还|仍)?(?:正在|在)?(?:申请|审批)中|预算待(?:审)?批|(?:需要|正在|在)申请预算|预算(?:还)?(?:没|未)(?:有)?(?:批|审批|获批|通过)", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex BudgetPending();

    [GeneratedRegex(@"(?i:\bready\s+to\s+(?:sign|purchase|buy|order|move\s+forward)|\b(?:will|going\s+to)\s+(?:sign\s+(?:the\s+)?(?:contract|agreement|order)|purchase|buy|place\s+(?:an|the)\s+order)\b|\b(?:raising|issuing|raise|issue)\s+(?:a\s+|the\s+)?(?:po|purchase\s+order)\b|\bsend\s+(?:us\s+|me\s+)?(?:the\s+)?contract)|准备(?:下单|签约|签合同|付款)|(?:马上|可以|立即)(?:下单|签约|签合同)|发(?:一下|个)?合同", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex ReadyToBuy();

    [GeneratedRegex(@"(?i:\b(?:approved|allocated|secured|signed\s+off|set\s+aside|earmarked)\b)|已批|批了|已审批|审批通过|已批准|批准了|到位|已落实", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex ApprovedAmount();

    [GeneratedRegex(@"(?i:\b(?:we've|we\s+have|we\s+already\s+have|we've\s+already)\s+(?:already\s+)?(?:allocated|set\s+aside|earmarked|approved|secured)\b|\bbudget\s+(?:has\s+been\s+|is\s+|was\s+|got\s+|already\s+|now\s+){0,3}(?:approved|signed\s+off|allocated|secured|confirmed|in\s+place|available)|\b(?:approved|allocated|secured|confirmed)\s+(?:a\s+|the\s+|our\s+)?budget|\b(?:we|i)\s+(?:have|'ve\s+got|have\s+got)\s+(?:a\s+|the\s+)?(?:budget|funds|funding)\b|\bfunds\s+are\s+(?:available|allocated|approved))|预算(?:已经?|已)(?:批|审批|批复|到位|确定|下来|通过)|预算(?:批下来了|到位了|没问题|充足)|已有预算|(?<!没)有预算", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex BudgetApproved();
}
