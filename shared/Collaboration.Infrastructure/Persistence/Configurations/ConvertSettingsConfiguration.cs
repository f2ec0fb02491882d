using Collaboration.Domain.Quotes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class ConvertSettingsConfiguration : IEntityTypeConfiguration<ConvertSettings>
{
    public void Configure(EntityTypeBuilder<ConvertSettings> builder)
    {
        builder.HasKey(s => s.TenantId);
        builder.Property(s => s.TenantId).HasMaxLength(64);
        builder.Property(s => s.DiscountApprovalThreshold).HasPrecision(7, 4);
        builder.Property(s => s.TaxRatePercent).HasPrecision(7, 4);
        builder.Property(s => s.TaxRatesByCurrency).HasJsonConversion();
        builder.Property(s => s.CompanyName).HasMaxLength(ConvertSettings.MaxCompanyLength);
        builder.Property(s => s.TermsEn).HasMaxLength(ConvertSettings.MaxTermsLength);
        builder.Property(s => s.TermsZh).HasMaxLength(ConvertSettings.MaxTermsLength);
        builder.Property(s => s.LogoPng).HasMaxLength(ConvertSettings.MaxLogoBytes);
    }
}
