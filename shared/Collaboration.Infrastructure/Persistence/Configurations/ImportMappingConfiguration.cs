using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class ImportMappingConfiguration : IEntityTypeConfiguration<Collaboration.Domain.Imports.ImportMapping>
{
    public void Configure(EntityTypeBuilder<Collaboration.Domain.Imports.ImportMapping> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.TenantId).HasMaxLength(64);
        builder.Property(m => m.SourceKey).HasMaxLength(200);
        builder.Property(m => m.Columns).HasJsonConversion();
        builder.HasIndex(m => new { m.TenantId, m.SourceKey }).IsUnique();
    }
}
