using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class RoundRobinCursorConfiguration : IEntityTypeConfiguration<Collaboration.Domain.Assignment.RoundRobinCursor>
{
    public void Configure(EntityTypeBuilder<Collaboration.Domain.Assignment.RoundRobinCursor> builder)
    {
        builder.HasKey(c => new { c.TenantId, c.Team });
        builder.Property(c => c.TenantId).HasMaxLength(64);
        builder.Property(c => c.Team).HasMaxLength(100);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}
