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

    /// <summary>
    /// Saves <paramref name="pipeline"/> only if the stored one is still <paramref name="expectedVersion"/>, the one the admin loaded.
    /// The check and the save hold the tenant row's write lock (a no-op update first, in one transaction): of two saves from the
    /// same version the second waits for the first, then reads its version and is refused.
    /// </summary>
    public async Task<PipelineSettings> ChangeAsync(Actor admin, PipelineSettings pipeline, int expectedVersion, CancellationToken ct = default)
    {
        await EnsureTenantAsync(admin.TenantId, ct);
        await using var db = database.Open(admin.TenantId);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Tenants.Where(t => t.Id == admin.TenantId).ExecuteUpdateAsync(s => s.SetProperty(t => t.Name, t => t.Name), ct);
        var tenant = await db.Tenants.FirstAsync(ct);
        var before = tenant.Pipeline;
        if (before.Version != expectedVersion) throw new StaleSettingsException("pipeline_conflict", expectedVersion, before.Version);
        // The pipeline form does not show the Convert gate set with the quote settings; it stays as it was.
        tenant.ChangePipeline(pipeline with { ContractRequiredForWon = before.ContractRequiredForWon });
        AuditLog.Record(db, admin, "pipeline.change", before, tenant.Pipeline, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return tenant.Pipeline;
    }

    /// <summary>A tenant nobody set up yet gets its row (with the default pipeline); two first saves at once create it once.</summary>
    private async Task EnsureTenantAsync(string tenantId, CancellationToken ct)
    {
        await using (var db = database.Open(tenantId))
        {
            if (await db.Tenants.AnyAsync(ct)) return;
            db.Tenants.Add(new Tenant(tenantId, tenantId));
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException)
            {
                // Created by a concurrent save: checked below.
            }
        }
        await using var check = database.Open(tenantId);
        if (!await check.Tenants.AnyAsync(ct)) throw new InvalidOperationException($"The tenant {tenantId} could not be created.");
    }
}
