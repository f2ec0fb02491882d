using System.Diagnostics;
using Collaboration.Domain.Capture.EmailHints;
using CsCheck;

namespace Collaboration.Domain.Tests.Fuzz;

/// <summary>The hint extractor promises never to throw; random and adversarial mail text holds it to that, and to a time bound.</summary>
public class EmailHintFuzzTests
{
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(2);

    private static readonly string[] Pieces =
    [
        "budget", "Budget:", "of", "$", "USD", "¥", "RMB", "€", "50k", "1,000,000", "1.5m", "10万", "一百万", "预算", "大约", "approved",
        "by", "end of", "Q3", "next month", "下个月", "2026-02-30", "31/12/2027", "within 2 weeks", "ASAP", "CTO", "VP of Sales",
        "采购经理", "need", "seats", "licenses", "demo", "On Mon, Jan 1, 2026 at 9:00 AM Li Lei <li@contoso.cn> wrote:", "> quoted",
        "-----Original Message-----", "---------- Forwarded message ---------", "From: a@b.c", "Sent: today", "To: x", "Subject: y",
        "发件人:", "写道:", "FW:", "RE:", "\n", "\r\n", "\r", "\t", " ", ".", "。", ";", "!", "?", ",", "，", "\u00a0", "\u3000", "\uff05",
        "\ud800", "\u0000", "𝟓𝟎", "５０ｋ", "99999999999999999999999999", "-", "—", "(", ")", "<", ">", "&",
    ];

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.Int[0, Pieces.Length - 1].Array[0, 300].Select(picks => string.Join(" ", picks.Select(p => Pieces[p]))),
        Gen.Int[0, Pieces.Length - 1].Array[0, 300].Select(picks => string.Concat(picks.Select(p => Pieces[p]))),
        Gen.String,
        Gen.Char.Array[0, 20_000].Select(chars => new string(chars)),
        Gen.Int[1, 200_000].Select(n => new string('9', n)),
        Gen.Int[1, 50_000].Select(n => string.Concat(Enumerable.Repeat("budget $1 ", n))));

    [Fact]
    public void AnAmountTooLargeForADecimalOnceMultipliedIsNoBudgetAndNoCrash()
    {
        // Found by the fuzzing below: 29 digits times "k" overflowed the decimal and the extractor threw.
        var hints = EmailHintExtractor.Extract("Quote", "Our budget is $79228162514264337593543950335k for this.", new DateOnly(2026, 6, 15));

        Assert.Null(hints.Budget);
    }

    [Fact]
    public void ExtractingHintsFromAnyTextNeverThrowsAndStaysQuick()
    {
        Gen.Select(Text, Text, Gen.Int[-100_000, 100_000]).Sample((subject, body, days) =>
        {
            var watch = Stopwatch.StartNew();

            var hints = EmailHintExtractor.Extract(subject, body, new DateOnly(2026, 6, 15).AddDays(days % 3_000));

            Assert.NotNull(hints);
            Assert.True(watch.Elapsed < PerInput, $"Reading {subject.Length}+{body.Length} characters took {watch.Elapsed}.");
        }, iter: 800, threads: 1);
    }
}
