using System.Globalization;
using Collaboration.Bot.Commands;
using CsCheck;

namespace Collaboration.Bot.Tests;

public sealed class AmountReadingTests
{
    [Theory]
    [InlineData("48000", 48_000, null)]
    [InlineData("48,000", 48_000, null)]
    [InlineData("1,234,567.89", 1_234_567.89, null)]
    [InlineData("48k", 48_000, null)]
    [InlineData("48K EUR", 48_000, "EUR")]
    [InlineData("EUR 48k", 48_000, "EUR")]
    [InlineData("eur48k", 48_000, "EUR")]
    [InlineData("1.2m", 1_200_000, null)]
    [InlineData("$1.2M", 1_200_000, "USD")]
    [InlineData("2 million dollars", 2_000_000, "USD")]
    [InlineData("€48,000", 48_000, "EUR")]
    [InlineData("£9.5k", 9_500, "GBP")]
    [InlineData("48000 gbp", 48_000, "GBP")]
    [InlineData("4.8万", 48_000, null)]
    [InlineData("4.8万元", 48_000, "CNY")]
    [InlineData("¥48000", 48_000, "CNY")]
    [InlineData("￥4.8万", 48_000, "CNY")]
    [InlineData("RMB 48000", 48_000, "CNY")]
    [InlineData("48000 RMB", 48_000, "CNY")]
    [InlineData("1.5亿", 150_000_000, null)]
    [InlineData("500万 人民币", 5_000_000, "CNY")]
    [InlineData("48000 JPY", 48_000, "JPY")]
    [InlineData("48000円", 48_000, "JPY")]
    [InlineData("5万日元", 50_000, "JPY")]
    [InlineData("HK$48k", 48_000, "HKD")]
    [InlineData("48000 CHF", 48_000, "CHF")]
    public void AmountsReadAsRepsTypeThem(string text, double value, string? currency)
    {
        Assert.True(AmountParser.TryParse(text, out var amount));
        Assert.Equal((decimal)value, amount.Value);
        Assert.Equal(currency, amount.Currency);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fifty")]
    [InlineData("-500")]
    [InlineData("48,00")]
    [InlineData("$48k EUR")]
    [InlineData("1.2.3")]
    [InlineData("99999999999999999999亿")]
    [InlineData("12 apples")]
    public void TextThatIsNoAmountIsRefused(string text) => Assert.False(AmountParser.TryParse(text, out _));

    private static readonly Gen<decimal> GenCents = Gen.Long[0, 100_000_000_000L].Select(cents => cents / 100m);

    private static readonly (string Before, string After, string Currency)[] Currencies =
    [
        ("$", "", "USD"), ("", " USD", "USD"), ("USD ", "", "USD"), ("€", "", "EUR"), ("", " EUR", "EUR"), ("£", "", "GBP"),
        ("¥", "", "CNY"), ("", "元", "CNY"), ("RMB ", "", "CNY"), ("", " CNY", "CNY"), ("", " JPY", "JPY"),
    ];

    [Fact]
    public void PlainAndSeparatedNumbersReadBackExactly()
    {
        GenCents.Sample(value =>
        {
            foreach (var text in new[] { value.ToString(CultureInfo.InvariantCulture), value.ToString("#,0.##", CultureInfo.InvariantCulture) })
            {
                Assert.True(AmountParser.TryParse(text, out var amount), text);
                Assert.Equal(new ParsedAmount(value, null), amount);
            }
        }, iter: 3000);
    }

    [Fact]
    public void TheCurrencyBeforeOrAfterTheNumberIsKept()
    {
        Gen.Select(GenCents, Gen.OneOf(Currencies)).Sample((value, currency) =>
        {
            var text = currency.Before + value.ToString("#,0.##", CultureInfo.InvariantCulture) + currency.After;
            Assert.True(AmountParser.TryParse(text, out var amount), text);
            Assert.Equal(new ParsedAmount(value, currency.Currency), amount);
        }, iter: 3000);
    }

    [Fact]
    public void MultipliersScaleTheNumber()
    {
        var multipliers = new[] { ("k", 1_000m), ("m", 1_000_000m), ("千", 1_000m), ("万", 10_000m), ("亿", 100_000_000m) };
        Gen.Select(Gen.Int[0, 99_999], Gen.Int[0, 3], Gen.OneOf(multipliers)).Sample((digits, scale, multiplier) =>
        {
            var number = digits / (decimal)Math.Pow(10, scale);
            var text = number.ToString(CultureInfo.InvariantCulture) + multiplier.Item1;
            Assert.True(AmountParser.TryParse(text, out var amount), text);
            Assert.Equal(number * multiplier.Item2, amount.Value);
        }, iter: 3000);
    }

    [Fact]
    public void AnyTextIsReadOrRefusedWithoutThrowingAndNeverNegative()
    {
        Gen.String.Sample(text =>
        {
            if (AmountParser.TryParse(text, out var amount)) Assert.True(amount.Value >= 0, text);
        }, iter: 5000);
        Gen.Select(Gen.String["0123456789.,"], Gen.OneOf("", "k", "m", "万", "亿", "bn")).Sample((digits, multiplier) =>
        {
            _ = AmountParser.TryParse(digits + multiplier, out _);
        }, iter: 5000);
    }
}
