using Collaboration.Application.Access;
using Collaboration.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Administration;

/// <summary>The tenant's audit log as an admin reads it: newest first, bounded.</summary>
public sealed class AuditLog(ICrmDatabase database)
{
    public const int MaxEntries = 5_000;

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(Actor admin, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        await using var db = database.Open(admin.TenantId);
        return await db.AuditEntries.AsNoTracking().Where(a => a.At >= from && a.At < to)
            .OrderByDescending(a => a.At).Take(MaxEntries).ToListAsync(ct);
    }

    internal static void Record(CrmDbContext db, Actor admin, string action, object? before, object? after, DateTimeOffset at) =>
        db.AuditEntries.Add(new AuditEntry(admin.TenantId, admin.UserObjectId, action, before, after, at));
}
