using Collaboration.Application.Notifications;
using Collaboration.Application.Reports;
using Collaboration.Domain.Common;

namespace Collaboration.Application.Tests.Reports;

/// <summary>The managers' digest carries the team's quota attainment for the current period when quotas exist.</summary>
public class WeeklyDigestAttainmentTests
{
    private static readonly DateTimeOffset AsOf = new(2027, 2, 8, 7, 0, 0, TimeSpan.Zero);
    private static readonly Actor Boss = new("tenant-a", "boss", ChangeSurface.Teams);
    private static readonly DateOnly From = new(2027, 1, 1);
    private static readonly DateOnly To = new(2027, 3, 31);

    private static WeeklyDigestContent Compose(params AttainmentRow[] rows) =>
        WeeklyDigest.Compose(Boss, new DateOnly(2027, 2, 1), new WinRateReport(AsOf, []), new LossReasonReport(AsOf, []), new ConversionReport(AsOf, []),
            new ForecastReport(AsOf, []), new AgingReport(AsOf, []), null, new AttainmentReport(AsOf, rows));

    private static AttainmentRow Rep(string owner, string currency, decimal quota, decimal won, decimal weighted, int open) =>
        new(AttainmentRow.Rep, owner, "East", "2027-Q1", From, To, currency, quota, won, weighted, open);

    [Fact]
    public void TheTeamsOwnQuotaIsTheLineWhenOneIsSet()
    {
        var team = new AttainmentRow(AttainmentRow.TeamScope, null, "East", "2027-Q1", From, To, "USD", 500_000m, 130_000m, 70_000m, 4);

        var digest = Compose(Rep("ann", "USD", 200_000m, 100_000m, 50_000m, 2), team);

        Assert.Equal([team], digest.Attainment);
    }

    [Fact]
    public void WithoutATeamQuotaTheRepsQuotasAreSummedPerCurrency()
    {
        var digest = Compose(Rep("ann", "USD", 200_000m, 100_000m, 50_000m, 2), Rep("carl", "USD", 100_000m, 30_000m, 20_000m, 3),
            Rep("li", "CNY", 800_000m, 0m, 100_000m, 1));

        Assert.Equal([("CNY", 800_000m, 0m, 100_000m, 1), ("USD", 300_000m, 130_000m, 70_000m, 5)],
            digest.Attainment.Select(r => (r.Currency, r.Quota, r.Won, r.Weighted, r.OpenDeals)));
        Assert.All(digest.Attainment, r => Assert.Equal((AttainmentRow.TeamScope, (string?)null), (r.Scope, r.OwnerId)));
        Assert.Equal(170_000m, digest.Attainment[1].Remaining);
    }

    [Fact]
    public void NoQuotasMeanNoLineAndADigestStoredBeforeTheLineExistedStillReads()
    {
        Assert.Empty(Compose().Attainment);
        var stored = new WeeklyDigestDelivery(Compose(Rep("ann", "USD", 200_000m, 100_000m, 50_000m, 2)), new Dictionary<string, string>()).Serialize();

        var read = WeeklyDigestDelivery.Read(stored)!;
        var old = WeeklyDigestDelivery.Read(stored.Replace("\"attainment\":", "\"unknownBefore\":", StringComparison.Ordinal))!;

        Assert.Equal(200_000m, Assert.Single(read.Digest.Attainment).Quota);
        Assert.Empty(old.Digest.Attainment);
    }
}
