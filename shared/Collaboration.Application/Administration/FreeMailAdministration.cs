using Collaboration.Application.Persistence;
using Collaboration.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Administration;

/// <summary>The tenant's free-mail overrides: domains added to the shipped free-mail list, and domains taken off it.</summary>
public sealed record FreeMailOverrides(IReadOnlyList<string> Extra, IReadOnlyList<string> NotFreeMail);

/// <summary>Reads and replaces the free-mail overrides; the tenant checks them and each change is audited.</summary>
public sealed class FreeMailAdministration(ICrmDatabase database, TimeProvider clock)
{
    public async Task<FreeMailOverrides> GetAsync(Actor admin, CancellationToken ct = default)
    {
        await using var db = database.Open(admin.TenantId);
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(ct);
        return tenant is null ? new FreeMailOverrides([], []) : Of(tenant);
    }

    public async Task<FreeMailOverrides> ChangeAsync(Actor admin, FreeMailOverrides overrides, CancellationToken ct = default)
    {
        await using var db = database.Open(admin.TenantId);
        var tenant = await db.Tenants.FirstOrDefaultAsync(ct);
        if (tenant is null)
        {
            tenant = new Tenant(admin.TenantId, admin.TenantId);
            db.Tenants.Add(tenant);
        }
        var before = Of(tenant);
        tenant.ChangeFreeMailOverrides(overrides.Extra, overrides.NotFreeMail);
        var after = Of(tenant);
        AuditLog.Record(db, admin, "free-mail.change", before, after, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return after;
    }

    private static FreeMailOverrides Of(Tenant tenant) => new([.. tenant.ExtraFreeMailDomains], [.. tenant.NotFreeMailDomains]);
}
