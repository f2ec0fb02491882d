using Collaboration.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class ImportedRowConfiguration : IEntityTypeConfiguration<Collaboration.Domain.Imports.ImportedRow>
{
    public void Configure(EntityTypeBuilder<Collaboration.Domain.Imports.ImportedRow> builder)
    {
        builder.HasKey(r => new { r.TenantId, r.RowKey });
        builder.Property(r => r.TenantId).HasMaxLength(64);
        builder.Property(r => r.RowKey).HasMaxLength(64);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(r => r.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ImportJobId);
    }
}
