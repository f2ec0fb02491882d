using System.Globalization;
using Collaboration.Addin.Auth;
using Collaboration.Addin.Reports;
using Collaboration.Application.Access;
using Collaboration.Application.Administration;
using Collaboration.Application.Reports;

namespace Collaboration.Addin.Administration;

public sealed record AuditEntryView(DateTimeOffset At, string ActorObjectId, string Action, string? Before, string? After)
{
    public static AuditEntryView From(AuditEntry e) => new(e.At, e.ActorObjectId, e.Action, e.Before, e.After);
}

/// <summary>The audit log for admins: who did what, when, before and after; JSON, or CSV with Accept: text/csv.</summary>
public static class AuditAdminEndpoints
{
    public static IEndpointRouteBuilder MapAuditAdmin(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/admin/audit").WithTags("Administration").RequireAuthorization(AddinAuthentication.RepPolicy)
            .MapGet("/", async Task<IResult> (string? from, string? to, HttpRequest http, Admin caller, AuditLog log, TimeProvider clock, CancellationToken ct) =>
            {
                var now = clock.GetUtcNow();
                if (!TryDay(from, out var start) || !TryDay(to, out var end))
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [!TryDay(from, out _) ? "from" : "to"] = ["Use yyyy-MM-dd."] });
                }
                var fromAt = start is { } s ? new DateTimeOffset(s.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : now.AddDays(-30);
                var toAt = end is { } e ? new DateTimeOffset(e.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : now.AddSeconds(1);
                var entries = (await log.ListAsync(caller.Rep.Actor, fromAt, toAt, ct)).Select(AuditEntryView.From).ToList();
                if (!ReportEndpoints.WantsCsv(http)) return TypedResults.Ok(entries);
                using var writer = new StringWriter(CultureInfo.InvariantCulture);
                ReportCsv.Write(entries, writer);
                return TypedResults.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(writer.ToString())).ToArray(),
                    "text/csv; charset=utf-8", string.Create(CultureInfo.InvariantCulture, $"audit-{fromAt:yyyy-MM-dd}.csv"));
            })
            .WithName("AdminAudit")
            .WithSummary("Audit entries between from and to (yyyy-MM-dd, inclusive; the last 30 days by default), newest first.")
            .Produces<List<AuditEntryView>>()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        day = d;
        return true;
    }
}
