using System.Text.RegularExpressions;

namespace Collaboration.Domain.Capture.EmailHints;

internal static partial class NeedReader
{
    /// <summary>The strongest stated need wins; its first sentence is the evidence.</summary>
    public static NeedHint? Read(IReadOnlyList<string> sentences)
    {
        NeedHint? strongest = null;
        foreach (var sentence in sentences)
        {
            var level = LevelOf(sentence);
            if (level != NeedLevelHint.Unknown && (strongest is null || level > strongest.Level))
            {
                strongest = new NeedHint(level, EmailText.Evidence(sentence));
            }
        }

        return strongest;
    }

    private static NeedLevelHint LevelOf(string sentence) =>
        MustHave().IsMatch(sentence) ? NeedLevelHint.MustHave
        : ShouldHave().IsMatch(sentence) ? NeedLevelHint.ShouldHave
        : GoodToHave().IsMatch(sentence) ? NeedLevelHint.GoodToHave
        : NoNeed().IsMatch(sentence) ? NeedLevelHint.NoNeed
        : NeedLevelHint.Unknown;

    [GeneratedRegex(@"(?i:\bmust[- ]have\b|\b(?:we|i|they|it|this)\s+(?:really\s+|absolutely\s+)?must\b|\b(?:have|has)\s+to\s+(?:replace|switch|move|migrate|upgrade)\b|\b(?:urgent(?:ly)?)\s+(?:need|require)|\bneed\s+(?:this|it|a\s+solution)\s+urgently|\burgent\s+requirement|(?<!not\s)(?<!n't\s)(?<!isn't\s)\b(?:critical|mission[- ]critical|business[- ]critical|mandatory|essential|top\s+priority|non-negotiable)\b|\bcan(?:'t|not)\s+(?:continue|keep\s+going|afford\s+to\s+wait))|(?<!不是|不)必须|(?<!不)急需|迫切|刻不容缓|一定要|非常关键|至关重要|当务之急|强制要求", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex MustHave();

    [GeneratedRegex(@"(?i:\bwe\s+(?:really\s+|definitely\s+|do\s+)?(?:need|require)\b|\bour\s+(?:team|company|business|sales\s+team|department|staff)\s+(?:needs|requires)\b|\bneed\s+(?:a|an)\s+(?:new|better|proper|replacement|crm|solution|tool|system|way)\b|\b(?:looking|searching)\s+for\s+(?:a\s+|an\s+|the\s+)?(?:new|better|replacement|solution|tool|system|crm|way)\b|\bplan(?:ning)?\s+to\s+(?:replace|buy|purchase|adopt|roll\s+out|implement|switch|migrate)\b|\bimportant\s+(?:for|to)\s+us\b|\bpain\s+points?\b|\bstruggl(?:e|ing)\s+with\b|\bneed\s+to\s+(?:replace|fix|improve|consolidate|migrate)\b)|我们需要|我们想(?:要|找|引入|采购|替换|换)|(?:计划|打算|准备)(?:采购|引入|上线|替换|更换|部署|购买|换)|希望(?:引入|采购|替换|尽快上线|能有)|痛点|很重要|需要(?:一套|一个|一款|替换|更换|升级)|在找", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex ShouldHave();

    [GeneratedRegex(@"(?i:\bnice[- ]to[- ]have\b|\bwould\s+be\s+nice\b|\bcould\s+be\s+(?:useful|helpful|interesting)\b|\binterested\s+in\b|\bconsidering\b|\bnot\s+(?:critical|urgent|a\s+must|a\s+priority\s+right\s+now)\b|\blow\s+priority\b)|锦上添花|有兴趣|感兴趣|可以考虑|考虑一下|有的话更好|不是必须", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex GoodToHave();

    [GeneratedRegex(@"(?i:\bjust\s+(?:exploring|looking|browsing|curious)\b|\bonly\s+exploring\b|\bno\s+(?:immediate\s+|current\s+)?need\s+for\b|\bno\s+plans?\s+to\s+(?:buy|purchase|replace|change|switch)\b|\bnot\s+(?:looking|planning)\s+to\s+(?:buy|purchase|replace|change|switch)\b|\bhappy\s+with\s+(?:our\s+)?current\b|\b(?:don't|do\s+not)\s+(?:really\s+)?need\b|\bno\s+immediate\s+(?:need|plans)\b|\bnot\s+a\s+priority\b|\bfor\s+future\s+reference\b)|了解一下|只是了解|先了解|随便看看|先看看|暂时不需要|没有(?:这方面的)?需求|暂无需求|暂无(?:采购)?计划|没有(?:采购)?计划", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    internal static partial Regex NoNeed();
}
