using Collaboration.Application.Opportunities;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Quotes;
using Collaboration.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Quotes;

public sealed record ConvertSettingsEntry(
    decimal DiscountApprovalThreshold, decimal TaxRatePercent, IReadOnlyDictionary<string, decimal>? TaxRatesByCurrency,
    string? CompanyName, string? TermsEn, string? TermsZh, string? LogoPngBase64,
    bool? QuoteAcceptedExitsProposal = null, bool? ContractRequiredForWon = null);

/// <summary>The tenant's quoting rules and quote template, for admins.</summary>
public sealed class ConvertAdministration(ICrmDatabase database)
{
    public async Task<ConvertSettingsEntry> GetAsync(Actor admin, CancellationToken ct = default)
    {
        await using var db = database.Open(admin.TenantId);
        return View(await QuoteService.SettingsAsync(db, admin.TenantId, ct), await OpportunityService.PipelineAsync(db, ct));
    }

    public async Task<ConvertSettingsEntry> SetAsync(Actor admin, ConvertSettingsEntry entry, CancellationToken ct = default)
    {
        await using var db = database.Open(admin.TenantId);
        var settings = await db.ConvertSettings.FirstOrDefaultAsync(ct);
        if (settings is null) db.ConvertSettings.Add(settings = ConvertSettings.For(admin.TenantId));
        settings.ChangeRules(entry.DiscountApprovalThreshold, entry.TaxRatePercent, entry.TaxRatesByCurrency);
        settings.ChangeTemplate(entry.CompanyName, entry.TermsEn, entry.TermsZh, Logo(entry.LogoPngBase64));
        var tenant = await db.Tenants.FirstOrDefaultAsync(ct);
        if (tenant is null) db.Tenants.Add(tenant = new Tenant(admin.TenantId, admin.TenantId));
        if (Gated(tenant.Pipeline, entry) is { } gated) tenant.ChangePipeline(gated);
        await db.SaveChangesAsync(ct);
        return View(settings, tenant.Pipeline);
    }

    /// <summary>The pipeline with the Convert gates the admin asked for, or null when it already has them.</summary>
    private static PipelineSettings? Gated(PipelineSettings pipeline, ConvertSettingsEntry entry)
    {
        var next = pipeline with { ContractRequiredForWon = entry.ContractRequiredForWon ?? pipeline.ContractRequiredForWon };
        if (entry.QuoteAcceptedExitsProposal is { } wanted && QuoteAcceptedExitsProposal(pipeline) != wanted)
        {
            next = next with
            {
                Stages = pipeline.Stages.Select(s => s.Stage != Stage.Proposal ? s : s with
                {
                    ExitRequirements = wanted ? [.. s.ExitRequirements, ExitRequirement.QuoteAccepted] : s.ExitRequirements.Where(r => r != ExitRequirement.QuoteAccepted).ToList(),
                }).ToList(),
            };
        }
        return next == pipeline ? null : next;
    }

    private static bool QuoteAcceptedExitsProposal(PipelineSettings pipeline) =>
        pipeline.For(Stage.Proposal).ExitRequirements.Contains(ExitRequirement.QuoteAccepted);

    private static byte[]? Logo(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64)) return null;
        if (base64.Length > ConvertSettings.MaxLogoBytes * 4 / 3 + 8) return new byte[ConvertSettings.MaxLogoBytes + 1];
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? buffer[..written] : [0];
    }

    private static ConvertSettingsEntry View(ConvertSettings s, PipelineSettings pipeline) => new(
        s.DiscountApprovalThreshold, s.TaxRatePercent, s.TaxRatesByCurrency, s.CompanyName, s.TermsEn, s.TermsZh,
        s.LogoPng is { } logo ? Convert.ToBase64String(logo) : null, QuoteAcceptedExitsProposal(pipeline), pipeline.ContractRequiredForWon);
}
