using Collaboration.Domain.Quotas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class QuotaConfiguration : IEntityTypeConfiguration<Quota>
{
    public void Configure(EntityTypeBuilder<Quota> builder)
    {
        builder.HasKey(q => q.Id);
        builder.Property(q => q.TenantId).HasMaxLength(64);
        builder.Property(q => q.OwnerId).HasMaxLength(64);
        builder.Property(q => q.Team).HasMaxLength(100);
        builder.Ignore(q => q.Period);
        builder.Property(q => q.Currency).HasMaxLength(3);
        builder.Property(q => q.Amount).HasPrecision(18, 2);
        builder.HasIndex(q => new { q.TenantId, q.OwnerId, q.PeriodStart });
        builder.HasIndex(q => new { q.TenantId, q.Team, q.PeriodStart });
    }
}
