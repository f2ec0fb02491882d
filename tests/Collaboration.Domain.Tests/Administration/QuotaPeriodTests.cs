using Collaboration.Domain.Common;
using Collaboration.Domain.Quotas;

namespace Collaboration.Domain.Tests.Administration;

public class QuotaPeriodTests
{
    [Theory]
    [InlineData("2027-Q1", "2027-01-01", "2027-03-31")]
    [InlineData("2027-q4", "2027-10-01", "2027-12-31")]
    [InlineData("2027-02", "2027-02-01", "2027-02-28")]
    [InlineData(" 2028-02 ", "2028-02-01", "2028-02-29")]
    public void AMonthOrAQuarterCoversItsWholeDays(string text, string start, string end)
    {
        var period = QuotaPeriod.Parse(text);
        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end)), (period.Start, period.End));
        Assert.Equal(period, QuotaPeriod.Spanning(period.Start, period.End));
        Assert.Equal(period, QuotaPeriod.Parse(period.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2027")]
    [InlineData("2027-Q5")]
    [InlineData("2027-13")]
    [InlineData("2027-00")]
    [InlineData("27-Q1")]
    [InlineData("2027-1")]
    [InlineData("2027/01")]
    [InlineData("+027-01")]
    public void AnythingElseIsRefusedNamingThePeriodField(string text)
    {
        var error = Assert.Throws<DomainException>(() => QuotaPeriod.Parse(text));
        Assert.Equal("invalid_quota_period", error.Error.Code);
        Assert.Equal("period", error.Error.Values["field"]);
    }

    [Fact]
    public void AQuotaIsForARepOrATeamWithAValidatedAmountAndCurrency()
    {
        var q1 = QuotaPeriod.Parse("2027-Q1");
        var team = Quota.ForTeam("t", " east ", q1, 500_000m, "eur");
        Assert.Equal(("east", (string?)null, "EUR", q1), (team.Team, team.OwnerId, team.Currency, team.Period!.Value));
        Assert.Equal("quota_owner_required", Assert.Throws<DomainException>(() => Quota.ForRep("t", " ", q1, 1m, "USD")).Error.Code);
        Assert.Equal("invalid_amount", Assert.Throws<DomainException>(() => Quota.ForTeam("t", "east", q1, -1m, "USD")).Error.Code);
        Assert.Equal("invalid_currency", Assert.Throws<DomainException>(() => Quota.ForTeam("t", "east", q1, 1m, "EURO")).Error.Code);
    }
}
