using Collaboration.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class OpportunityChangeConfiguration : IEntityTypeConfiguration<OpportunityChange>
{
    public void Configure(EntityTypeBuilder<OpportunityChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.TenantId).HasMaxLength(64);
        builder.Property(c => c.Field).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Surface).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.OldValue).HasMaxLength(OpportunityChange.MaxValueLength);
        builder.Property(c => c.NewValue).HasMaxLength(OpportunityChange.MaxValueLength);
        builder.Property(c => c.Reason).HasMaxLength(OpportunityChange.MaxValueLength);
        builder.Property(c => c.ChangedBy).HasMaxLength(64);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(c => c.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        // Deal first: the index then also serves the foreign key, and EF adds no index of the deal alone.
        builder.HasIndex(c => new { c.OpportunityId, c.TenantId, c.ChangedAt });
    }
}
