using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Administration;

/// <summary>Reads and replaces the tenant's pipeline; each change is validated by the tenant, versioned and audited.</summary>
public sealed class PipelineAdministration(ICrmDatabase database, TimeProvider clock)
{
    public async Task<PipelineSettings> GetAsync(Actor admin, CancellationToken ct = default)
    {
        await using var db = database.Open(admin.TenantId);
        return await db.Tenants.AsNoTracking().Select(t => t.Pipeline).FirstOrDefaultAsync(ct) ?? PipelineSettings.Default;
    }

    /// <summary>Saves <paramref name="pipeline"/> only if the stored one is still <paramref name="expectedVersion"/>, the one the admin loaded.</summary>
    public async Task<PipelineSettings> ChangeAsync(Actor admin, PipelineSettings pipeline, int expectedVersion, CancellationToken ct = default)
    {
        await using var db = database.Open(admin.TenantId);
        var tenant = await db.Tenants.FirstOrDefaultAsync(ct);
        if (tenant is null)
        {
            tenant = new Tenant(admin.TenantId, admin.TenantId);
            db.Tenants.Add(tenant);
        }
        var before = tenant.Pipeline;
        if (before.Version != expectedVersion) throw new StaleSettingsException("pipeline_conflict", expectedVersion, before.Version);
        tenant.ChangePipeline(pipeline);
        AuditLog.Record(db, admin, "pipeline.change", before, tenant.Pipeline, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return tenant.Pipeline;
    }
}
