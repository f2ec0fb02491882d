using System.Globalization;
using Collaboration.Domain.Common;

namespace Collaboration.Domain.Quotes;

/// <summary>
/// A tenant's quoting rules and quote template: the discount above which a manager must approve, the tax rate (one per
/// currency where it differs), and what the quote document shows (company, logo, terms in each language).
/// A tenant without a row uses <see cref="ConvertSettings.For"/>'s defaults.
/// </summary>
public sealed class ConvertSettings
{
    public const decimal DefaultApprovalThreshold = 10m;
    public const int MaxLogoBytes = 256 * 1024;
    public const int MaxTermsLength = 4000;
    public const int MaxCompanyLength = 200;

    private ConvertSettings() { }

    public static ConvertSettings For(string tenantId) => new() { TenantId = tenantId, DiscountApprovalThreshold = DefaultApprovalThreshold };

    public string TenantId { get; private set; } = "";

    /// <summary>A line discount above this percent needs the rep's manager's approval.</summary>
    public decimal DiscountApprovalThreshold { get; private set; } = DefaultApprovalThreshold;

    public decimal TaxRatePercent { get; private set; }

    /// <summary>Rates for currencies taxed differently from <see cref="TaxRatePercent"/> (e.g. "CNY": 13).</summary>
    public Dictionary<string, decimal> TaxRatesByCurrency { get; private set; } = [];

    public string? CompanyName { get; private set; }
    public string? TermsEn { get; private set; }
    public string? TermsZh { get; private set; }

    /// <summary>A PNG the quote document shows at its top.</summary>
    public byte[]? LogoPng { get; private set; }

    public decimal TaxRateFor(string currency) => TaxRatesByCurrency.TryGetValue(currency, out var rate) ? rate : TaxRatePercent;

    public void ChangeRules(decimal discountApprovalThreshold, decimal taxRatePercent, IReadOnlyDictionary<string, decimal>? taxRatesByCurrency)
    {
        Percent("discountApprovalThreshold", discountApprovalThreshold);
        Percent("taxRatePercent", taxRatePercent);
        var rates = new Dictionary<string, decimal>();
        foreach (var (currency, rate) in taxRatesByCurrency ?? new Dictionary<string, decimal>())
        {
            Percent($"taxRatesByCurrency.{currency}", rate);
            rates[Money.Currency(currency)] = rate;
        }
        if (rates.Count > 50) throw new DomainException(DomainError.Of("too_many", ("max", "50")));
        DiscountApprovalThreshold = discountApprovalThreshold;
        TaxRatePercent = taxRatePercent;
        TaxRatesByCurrency = rates;
    }

    public void ChangeTemplate(string? companyName, string? termsEn, string? termsZh, byte[]? logoPng)
    {
        if (logoPng is { Length: > MaxLogoBytes }) throw new DomainException(DomainError.Of("convert.logo_too_large", ("max", MaxLogoBytes.ToString(CultureInfo.InvariantCulture))));
        if (logoPng is { Length: > 0 } && !IsPng(logoPng)) throw new DomainException(new DomainError("convert.logo_not_png"));
        CompanyName = Bounded(companyName, MaxCompanyLength);
        TermsEn = Bounded(termsEn, MaxTermsLength);
        TermsZh = Bounded(termsZh, MaxTermsLength);
        LogoPng = logoPng is { Length: > 0 } ? logoPng : null;
    }

    private static bool IsPng(byte[] bytes) =>
        bytes.Length > 24 && bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });

    private static string? Bounded(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is { Length: var n } t && n > max ? t[..max] : text.Trim();

    private static void Percent(string field, decimal value)
    {
        if (value is < 0 or > 100)
        {
            throw new DomainException(DomainError.Of("convert.invalid_percent", ("field", field), ("value", value.ToString(CultureInfo.InvariantCulture))));
        }
    }
}
