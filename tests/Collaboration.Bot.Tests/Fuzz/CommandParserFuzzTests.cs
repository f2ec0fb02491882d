using System.Diagnostics;
using Collaboration.Bot.Commands;
using CsCheck;

namespace Collaboration.Bot.Tests.Fuzz;

/// <summary>Whatever a rep (or anyone in a chat with the bot) types, the parser answers with a command, quickly.</summary>
public class CommandParserFuzzTests
{
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(2);

    private static readonly string[] Words =
    [
        "new deal", "new", "deal", "log", "call", "meeting", "note", "won", "lost", "move", "to", "stage", "my deals", "help", "report",
        "pipeline", "forecast", "reviews", "about", "subscribe", "unsubscribe", "notify", "digest", "for", "with", "amount", "$", "¥", "€",
        "50k", "1.5m", "10万", "一百万", "新建", "商机", "记录", "赢单", "输单", "移到", "阶段", "我的商机", "帮助", "报告", "原因", "价格",
        "Contoso", "\"", "'", "“", "”", "：", ":", "，", ",", "-", "—", "(", ")", "[", "]", "*", "+", "?", "\\", "|", "^", ".*", "\n", "\t",
        " ", "  ", "\u200b", "\u3000", "\ud83d\ude00", "\ud800", "0", "9999999999999999999999", "-1", "2026-02-30", "next friday", "下周五",
    ];

    private static readonly Gen<string> Typed = Gen.OneOf(
        Gen.Int[0, Words.Length - 1].Array[0, 40].Select(picks => string.Join(" ", picks.Select(p => Words[p]))),
        Gen.Int[0, Words.Length - 1].Array[0, 60].Select(picks => string.Concat(picks.Select(p => Words[p]))),
        Gen.String,
        Gen.Char.Array[0, 5_000].Select(chars => new string(chars)),
        Gen.Int[0, 20_000].Select(n => "new deal " + new string('a', n) + " for " + new string('$', n % 500)));

    [Fact]
    public void AnyTextParsesToACommandWithoutThrowing()
    {
        Typed.Sample(text =>
        {
            var watch = Stopwatch.StartNew();

            var command = CommandParser.Parse(text);

            Assert.NotNull(command);
            Assert.True(watch.Elapsed < PerInput, $"Parsing {text.Length} characters took {watch.Elapsed}.");
        }, iter: 4_000, threads: 1);
    }
}
