using Collaboration.Domain.Contracts;
using Collaboration.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Ignore(m => m.IsDone);
        builder.Property(m => m.TenantId).HasMaxLength(64);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Description).HasMaxLength(Milestone.MaxDescriptionLength);
        builder.Property(m => m.Amount).HasPrecision(24, 4);
        builder.Property(m => m.Currency).HasMaxLength(3);
        builder.Property(m => m.CreatedBy).HasMaxLength(64);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(m => m.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.TenantId, m.OpportunityId });
        builder.HasIndex(m => new { m.TenantId, m.PaidOn, m.DeliveredOn, m.DueOn });
    }
}
