using Collaboration.Domain.Nurture;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class TenantNurtureSettingsConfiguration : IEntityTypeConfiguration<TenantNurtureSettings>
{
    public void Configure(EntityTypeBuilder<TenantNurtureSettings> builder)
    {
        builder.HasKey(s => s.TenantId);
        builder.Property(s => s.TenantId).HasMaxLength(64);
        builder.Property(s => s.Rules).HasJsonConversion();
    }
}
