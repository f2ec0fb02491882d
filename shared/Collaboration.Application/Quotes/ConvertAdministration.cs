using Collaboration.Application.Persistence;
using Collaboration.Domain.Quotes;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Quotes;

public sealed record ConvertSettingsEntry(
    decimal DiscountApprovalThreshold, decimal TaxRatePercent, IReadOnlyDictionary<string, decimal>? TaxRatesByCurrency,
    string? CompanyName, string? TermsEn, string? TermsZh, string? LogoPngBase64);

/// <summary>The tenant's quoting rules and quote template, for admins.</summary>
public sealed class ConvertAdministration(ICrmDatabase database)
{
    public async Task<ConvertSettingsEntry> GetAsync(Actor admin, CancellationToken ct = default)
    {
        await using var db = database.Open(admin.TenantId);
        return View(await QuoteService.SettingsAsync(db, admin.TenantId, ct));
    }

    public async Task<ConvertSettingsEntry> SetAsync(Actor admin, ConvertSettingsEntry entry, CancellationToken ct = default)
    {
        await using var db = database.Open(admin.TenantId);
        var settings = await db.ConvertSettings.FirstOrDefaultAsync(ct);
        if (settings is null) db.ConvertSettings.Add(settings = ConvertSettings.For(admin.TenantId));
        settings.ChangeRules(entry.DiscountApprovalThreshold, entry.TaxRatePercent, entry.TaxRatesByCurrency);
        settings.ChangeTemplate(entry.CompanyName, entry.TermsEn, entry.TermsZh, Logo(entry.LogoPngBase64));
        await db.SaveChangesAsync(ct);
        return View(settings);
    }

    private static byte[]? Logo(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64)) return null;
        if (base64.Length > ConvertSettings.MaxLogoBytes * 4 / 3 + 8) return new byte[ConvertSettings.MaxLogoBytes + 1];
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? buffer[..written] : [0];
    }

    private static ConvertSettingsEntry View(ConvertSettings s) => new(
        s.DiscountApprovalThreshold, s.TaxRatePercent, s.TaxRatesByCurrency, s.CompanyName, s.TermsEn, s.TermsZh,
        s.LogoPng is { } logo ? Convert.ToBase64String(logo) : null);
}
