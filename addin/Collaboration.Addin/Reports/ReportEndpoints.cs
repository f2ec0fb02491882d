using System.Globalization;
using Collaboration.Addin.Auth;
using Collaboration.Application.Reports;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Microsoft.Net.Http.Headers;

namespace Collaboration.Addin.Reports;

/// <summary>
/// The Review phase's reports for the dashboard and spreadsheets: <c>GET /api/reports/{report}</c> with an optional
/// period (<c>from</c>, <c>to</c> as yyyy-MM-dd, both inclusive; the current calendar quarter by default), owners
/// (<c>owner</c>, repeatable or comma-separated), <c>team</c>, <c>source</c> and <c>groupBy</c> (owner, team, source, month).
/// JSON by default; CSV (UTF-8 with BOM, formula-safe) when the caller accepts text/csv. Only deals the caller may see count.
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(AddinAuthentication.RepPolicy);

        reports.MapGet("/", async (Rep rep, ReportAudience audience, CancellationToken ct) =>
        {
            var people = await audience.VisiblePeopleAsync(rep.Actor, ct);
            var teams = people.Select(p => p.Team).OfType<string>().Distinct().Order(StringComparer.CurrentCultureIgnoreCase).ToList();
            return TypedResults.Ok(new ReportCatalogResponse(ReportCatalog.Keys, people, teams));
        })
            .WithName("ReportCatalog")
            .WithSummary("The report keys, and the people and teams the caller may filter by.");

        reports.MapGet("/{report}", async Task<IResult> (string report, HttpContext http, Rep rep, ReportCatalog catalog, TimeProvider clock, CancellationToken ct) =>
        {
            if (!ReportCatalog.Contains(report)) throw new NotFoundException("report");
            if (ReadFilter(http.Request.Query, clock.GetUtcNow(), out var filter) is { } invalid) return TypedResults.ValidationProblem(invalid);

            var result = await catalog.RunAsync(report, rep.Actor, filter!, ct);
            if (WantsCsv(http.Request))
            {
                var fileName = string.Create(CultureInfo.InvariantCulture, $"{result.Key}-{filter!.From:yyyy-MM-dd}-{filter.To:yyyy-MM-dd}.csv");
                return new CsvResult(result, fileName);
            }
            return TypedResults.Ok(ToResponse(result, filter!));
        })
            .WithName("Report")
            .WithSummary("One report as JSON, or as CSV with Accept: text/csv.")
            .Produces<ReportResponse>()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static ReportResponse ToResponse(IReport report, ReportFilter filter) => report switch
    {
        ConversionReport r => new(r.Key, filter.From, filter.To, r.AsOf, r.Rows, null),
        CycleReport r => new(r.Key, filter.From, filter.To, r.AsOf, r.Rows, null),
        WinRateReport r => new(r.Key, filter.From, filter.To, r.AsOf, r.Rows, null),
        LossReasonReport r => new(r.Key, filter.From, filter.To, r.AsOf, r.Rows, new { byReason = r.ByReason, byCompetitor = r.ByCompetitor }),
        AgingReport r => new(r.Key, filter.From, filter.To, r.AsOf, r.Rows, new { buckets = AgingReport.Buckets }),
        ForecastReport r => new(r.Key, filter.From, filter.To, r.AsOf, r.Rows, null),
        CoverageReport r => new(r.Key, filter.From, filter.To, r.AsOf, r.Rows, null),
        AttainmentReport r => new(r.Key, filter.From, filter.To, r.AsOf, r.Rows.Select(row => new
        {
            row.Scope,
            row.OwnerId,
            row.Team,
            row.Period,
            row.PeriodStart,
            row.PeriodEnd,
            row.Currency,
            row.Quota,
            row.Won,
            row.Weighted,
            row.OpenDeals,
            row.Remaining,
            row.Attainment,
            row.Coverage,
        }).ToList(), null),
        _ => throw new InvalidOperationException($"No JSON shape for report {report.Key}."),
    };

    /// <summary>CSV only when the caller asks for it and prefers it to JSON; browsers' */* keeps JSON.</summary>
    internal static bool WantsCsv(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        var csv = accept.Where(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0)
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        var json = accept.Where(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        return csv > 0 && csv >= json;
    }

    /// <summary>The filter from the query string, or what is wrong with it by parameter name.</summary>
    internal static Dictionary<string, string[]>? ReadFilter(IQueryCollection query, DateTimeOffset now, out ReportFilter? filter)
    {
        filter = null;
        var errors = new Dictionary<string, string[]>();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        DateOnly? Date(string name)
        {
            var text = query[name].ToString();
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
            errors[name] = ["Use a date as yyyy-MM-dd."];
            return null;
        }
        var from = Date("from");
        var to = Date("to");
        from ??= to is { } end && end < quarterStart ? new DateOnly(end.Year, (end.Month - 1) / 3 * 3 + 1, 1) : quarterStart;
        to ??= from.Value >= quarterStart ? quarterStart.AddMonths(3).AddDays(-1) : new DateOnly(from.Value.Year, (from.Value.Month - 1) / 3 * 3 + 1, 1).AddMonths(3).AddDays(-1);
        if (!errors.ContainsKey("from") && !errors.ContainsKey("to") && to < from) errors["to"] = ["The period must end on or after the day it starts."];
        if (!errors.ContainsKey("to") && to.Value.DayNumber - from.Value.DayNumber > 3 * 366) errors["to"] = ["A report covers at most three years."];

        var owners = query["owner"].SelectMany(o => (o ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
        var team = query["team"].ToString().Trim();
        CaptureSource? source = null;
        if (query["source"].ToString() is { Length: > 0 } sourceText)
        {
            if (Enum.TryParse<CaptureSource>(sourceText.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) source = parsed;
            else errors["source"] = [$"Use one of: {string.Join(", ", Enum.GetNames<CaptureSource>().Select(JsonName))}."];
        }
        var groupBy = ReportDimensions.None;
        foreach (var word in query["groupBy"].SelectMany(g => (g ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Enum.TryParse<ReportDimensions>(word, ignoreCase: true, out var dimension) && dimension != ReportDimensions.None && Enum.IsDefined(dimension)) groupBy |= dimension;
            else errors["groupBy"] = ["Use owner, team, source or month, comma-separated."];
        }
        if (errors.Count > 0) return errors;
        filter = new ReportFilter(from.Value, to.Value)
        {
            OwnerIds = owners.Count > 0 ? owners : null,
            Team = team.Length > 0 ? team : null,
            Source = source,
            GroupBy = groupBy,
            AsOf = now,
        };
        return null;
    }

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The report's rows as a CSV download.</summary>
    private sealed class CsvResult(IReport report, string fileName) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = ReportCsv.ContentType;
            http.Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
            http.Response.Headers[HeaderNames.CacheControl] = "no-store";
            http.Response.Headers[HeaderNames.Vary] = HeaderNames.Accept;
            await ReportCsv.WriteAsync(report, http.Response.Body, http.RequestAborted);
        }
    }
}
