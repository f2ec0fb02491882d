namespace Collaboration.Application.Reports;

/// <summary>The reports by the key the API (<c>GET /api/reports/{report}</c>) and the bot's commands name them.</summary>
public sealed class ReportCatalog(PipelineReports reports, AttainmentReports attainment)
{
    public const string Conversion = "conversion";
    public const string Cycle = "cycle";
    public const string WinRate = "win-rate";
    public const string LossReasons = "loss-reasons";
    public const string Aging = "aging";
    public const string Forecast = "forecast";
    public const string Coverage = "coverage";
    public const string Attainment = "attainment";

    private static readonly Dictionary<string, Func<PipelineReports, Actor, ReportFilter, CancellationToken, Task<IReport>>> Runners =
        new(StringComparer.OrdinalIgnoreCase)
        {
            [Conversion] = async (r, a, f, ct) => await r.ConversionAsync(a, f, ct),
            [Cycle] = async (r, a, f, ct) => await r.CycleAsync(a, f, ct),
            [WinRate] = async (r, a, f, ct) => await r.WinRateAsync(a, f, ct),
            [LossReasons] = async (r, a, f, ct) => await r.LossReasonsAsync(a, f, ct),
            [Aging] = async (r, a, f, ct) => await r.AgingAsync(a, f, ct),
            [Forecast] = async (r, a, f, ct) => await r.ForecastAsync(a, f, ct),
            [Coverage] = async (r, a, f, ct) => await r.CoverageAsync(a, f, ct),
        };

    public static IReadOnlyList<string> Keys { get; } = [Conversion, Cycle, WinRate, LossReasons, Aging, Forecast, Coverage, Attainment];

    public static bool Contains(string key) => Runners.ContainsKey(key) || string.Equals(key, Attainment, StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs the report named <paramref name="key"/>; an unknown key is not found, as for any other resource.</summary>
    public async Task<IReport> RunAsync(string key, Actor actor, ReportFilter filter, CancellationToken ct = default) =>
        string.Equals(key, Attainment, StringComparison.OrdinalIgnoreCase) ? await attainment.AttainmentAsync(actor, filter, ct)
        : await (Runners.TryGetValue(key, out var run) ? run(reports, actor, filter, ct) : throw new Domain.Common.NotFoundException("report"));
}
