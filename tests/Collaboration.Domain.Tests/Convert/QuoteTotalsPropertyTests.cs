using Collaboration.Domain.Quotes;
using CsCheck;

namespace Collaboration.Domain.Tests.Convert;

/// <summary>Quote money across currencies with 0 (JPY), 2 (USD, EUR, CNY) and 3 (KWD, BHD) decimals.</summary>
public class QuoteTotalsPropertyTests
{
    private static readonly Gen<string> GenCurrency = Gen.Int[0, 6].Select(i => new[] { "JPY", "KRW", "USD", "EUR", "CNY", "KWD", "BHD" }[i]);

    private static readonly Gen<QuoteLine> GenLine =
        from quantity in Gen.Int[1, 1_000_000].Select(i => i / 1000m)
        from price in Gen.Long[0, 1_000_000_000].Select(i => i / 10_000m)
        from discount in Gen.Int[0, 10_000].Select(i => i / 100m)
        select QuoteLine.Of(null, "Line", null, quantity, price, discount);

    private static readonly Gen<(string Currency, QuoteLine[] Lines, decimal Tax)> GenQuote =
        from currency in GenCurrency
        from lines in GenLine.Array[1, 20]
        from tax in Gen.Int[0, 3000].Select(i => i / 100m)
        select (currency, lines, tax);

    [Fact]
    public void EveryAmountHasExactlyTheCurrencysMinorUnitsAtMost()
    {
        GenQuote.Sample(q =>
        {
            var totals = QuoteTotals.Of(q.Lines, q.Currency, q.Tax);
            var minor = Currencies.MinorUnits(q.Currency);
            foreach (var amount in new[] { totals.Subtotal, totals.Discount, totals.Tax, totals.Total }
                         .Concat(q.Lines.Select(l => l.Gross(q.Currency))).Concat(q.Lines.Select(l => l.Discount(q.Currency))))
            {
                Assert.Equal(Math.Round(amount, minor), amount);
            }
        });
    }

    [Fact]
    public void TheColumnsAddUpWithoutAStrayMinorUnit()
    {
        GenQuote.Sample(q =>
        {
            var totals = QuoteTotals.Of(q.Lines, q.Currency, q.Tax);
            Assert.Equal(q.Lines.Sum(l => l.Gross(q.Currency)), totals.Subtotal);
            Assert.Equal(q.Lines.Sum(l => l.Discount(q.Currency)), totals.Discount);
            Assert.Equal(q.Lines.Sum(l => l.Net(q.Currency)), totals.Subtotal - totals.Discount);
            Assert.Equal(totals.Subtotal - totals.Discount + totals.Tax, totals.Total);
        });
    }

    [Fact]
    public void TheTotalIsWithinHalfAMinorUnitPerRoundingOfTheExactAmount()
    {
        GenQuote.Sample(q =>
        {
            var totals = QuoteTotals.Of(q.Lines, q.Currency, q.Tax);
            var exactNet = q.Lines.Sum(l => l.Quantity * l.UnitPrice * (1 - l.DiscountPercent / 100m));
            var exact = exactNet * (1 + q.Tax / 100m);
            var halfUnit = 0.5m / (decimal)Math.Pow(10, Currencies.MinorUnits(q.Currency));
            // Two roundings per line (gross, discount), each carried through the tax, and the tax's own.
            var bound = halfUnit * (2 * q.Lines.Length * (1 + q.Tax / 100m) + 1);
            Assert.InRange(Math.Abs(totals.Total - exact), 0m, bound);
        });
    }

    [Fact]
    public void NoDiscountLeavesTheSubtotalAndAFullDiscountLeavesNothingToPay()
    {
        GenQuote.Sample(q =>
        {
            var none = QuoteTotals.Of(q.Lines.Select(l => l.WithDiscount(0)).ToList(), q.Currency, q.Tax);
            Assert.Equal(0m, none.Discount);
            Assert.Equal(none.Subtotal + none.Tax, none.Total);
            var full = QuoteTotals.Of(q.Lines.Select(l => l.WithDiscount(100)).ToList(), q.Currency, q.Tax);
            Assert.Equal(0m, full.Total);
        });
    }

    [Theory]
    [InlineData("JPY", 0.5, 1)]
    [InlineData("JPY", 2.5, 3)]
    [InlineData("USD", 0.125, 0.13)]
    [InlineData("CNY", 0.005, 0.01)]
    [InlineData("KWD", 0.0005, 0.001)]
    [InlineData("BHD", 1.2345, 1.235)]
    public void AHalfMinorUnitRoundsAwayFromZero(string currency, double amount, double expected)
    {
        var line = QuoteLine.Of(null, "One", null, 1, (decimal)amount, 0);
        Assert.Equal((decimal)expected, QuoteTotals.Of([line], currency, 0).Total);
    }
}
