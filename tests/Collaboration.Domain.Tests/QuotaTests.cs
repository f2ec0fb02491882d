using Collaboration.Domain.Common;
using Collaboration.Domain.Quotas;

namespace Collaboration.Domain.Tests;

public class QuotaTests
{
    private static readonly DateOnly Start = new(2026, 10, 1);
    private static readonly DateOnly End = new(2026, 12, 31);

    [Fact]
    public void NormalizesTheCurrencyAndCoversBothEndsOfItsPeriod()
    {
        var quota = new Quota("t", "rep-1", Start, End, 250_000m, " usd ");

        Assert.Equal("USD", quota.Currency);
        Assert.True(quota.Overlaps(End, End.AddDays(30)));
        Assert.True(quota.Overlaps(Start.AddDays(-30), Start));
        Assert.False(quota.Overlaps(End.AddDays(1), End.AddDays(30)));
    }

    [Theory]
    [InlineData("2026-12-31", "2026-10-01", 1, "USD", "invalid_period")]
    [InlineData("2026-10-01", "2026-12-31", -1, "USD", "invalid_amount")]
    [InlineData("2026-10-01", "2026-12-31", 1, "dollars", "invalid_currency")]
    public void RefusesABackwardPeriodANegativeAmountAndAnUnknownCurrency(string start, string end, int amount, string currency, string code)
    {
        var error = Assert.Throws<DomainException>(() => new Quota("t", "rep-1", DateOnly.Parse(start), DateOnly.Parse(end), amount, currency));
        Assert.Equal(code, error.Error.Code);
    }
}
