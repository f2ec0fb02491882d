namespace Collaboration.Application.Reports;

/// <summary>
/// A rep's or a team's quota for one period against what they won (deals won with a close date in the period, in the
/// quota's currency) and their open weighted pipeline closing in it. <see cref="Remaining"/> = max(quota − won, 0);
/// <see cref="Attainment"/> = won / quota; <see cref="Coverage"/> = weighted / remaining. A team's row counts every
/// deal owned by someone now in the team.
/// </summary>
public sealed record AttainmentRow(string Scope, string? OwnerId, string? Team, string Period, DateOnly PeriodStart, DateOnly PeriodEnd,
    string Currency, decimal Quota, decimal Won, decimal Weighted, int OpenDeals)
{
    public const string Rep = "rep";
    public const string TeamScope = "team";

    public decimal Remaining => Math.Max(Quota - Won, 0m);
    public double? Attainment => Quota > 0m ? (double)(Won / Quota) : null;
    public double? Coverage => Remaining > 0m ? (double)(Weighted / Remaining) : null;
}

public sealed record AttainmentReport(DateTimeOffset AsOf, IReadOnlyList<AttainmentRow> Rows) : IReport
{
    public string Key => ReportCatalog.Attainment;
    public void WriteCsv(TextWriter writer) => ReportCsv.Write(Rows, writer);
}
