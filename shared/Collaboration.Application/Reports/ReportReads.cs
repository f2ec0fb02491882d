using Collaboration.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Reports;

/// <summary>How a report's unit of work reads.</summary>
internal static class ReportReads
{
    /// <summary>
    /// Opens a unit of work for a report. On PostgreSQL its statements are planned for the values they run with: Npgsql
    /// prepares the statements a connection runs often, and after a few runs PostgreSQL keeps one plan for any values.
    /// In that plan a report's list of visible owners is compared one entry at a time on every stay instead of through
    /// a hash of the list (the year's conversion on 1M deals: 1.0 s a half-year against 0.55 s). A report is long and
    /// rare; planning it each time costs nothing next to that. SET LOCAL ends with the unit of work's transaction.
    /// </summary>
    public static async Task<CrmDbContext> OpenAsync(ICrmDatabase database, string tenantId, CancellationToken ct)
    {
        var db = database.Open(tenantId);
        if (!db.IsPostgres) return db;
        try
        {
            await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = force_custom_plan", ct);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
