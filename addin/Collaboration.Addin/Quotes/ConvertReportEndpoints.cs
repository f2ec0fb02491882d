using Collaboration.Addin.Auth;
using Collaboration.Addin.Reports;
using Collaboration.Application.Quotes;

namespace Collaboration.Addin.Quotes;

/// <summary>The Convert phase's reports over the deals the caller may see (from/to as the other reports take them).</summary>
public static class ConvertReportEndpoints
{
    public static IEndpointRouteBuilder MapConvertReports(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports/convert").WithTags("Reports").RequireAuthorization(AddinAuthentication.RepPolicy);

        reports.MapGet("/quote-to-win", async Task<IResult> (HttpContext http, Rep rep, ConvertReports convert, TimeProvider clock, CancellationToken ct) =>
            ReportEndpoints.ReadFilter(http.Request.Query, clock.GetUtcNow(), out var filter) is { } invalid
                ? TypedResults.ValidationProblem(invalid) : TypedResults.Ok(await convert.QuoteToWinAsync(rep.Actor, filter!, ct)))
            .WithName("QuoteToWinReport")
            .WithSummary("Per rep: deals first quoted in the period and how many of them are won.")
            .Produces<IReadOnlyList<QuoteToWinRow>>().ProducesValidationProblem();

        reports.MapGet("/average-discount", async Task<IResult> (HttpContext http, Rep rep, ConvertReports convert, TimeProvider clock, CancellationToken ct) =>
            ReportEndpoints.ReadFilter(http.Request.Query, clock.GetUtcNow(), out var filter) is { } invalid
                ? TypedResults.ValidationProblem(invalid) : TypedResults.Ok(await convert.AverageDiscountAsync(rep.Actor, filter!, ct)))
            .WithName("AverageDiscountReport")
            .WithSummary("Per rep: the mean discount of the quotes made in the period.")
            .Produces<IReadOnlyList<AverageDiscountRow>>().ProducesValidationProblem();

        reports.MapGet("/overdue-payments", async (Rep rep, ConvertReports convert, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(await convert.OverduePaymentsAsync(rep.Actor, Application.Reports.ReportFilter.LastDays(clock, 1), ct)))
            .WithName("OverduePaymentsReport")
            .WithSummary("Payment milestones past their due date and not paid, oldest first.")
            .Produces<IReadOnlyList<OverduePaymentRow>>();

        return app;
    }
}
