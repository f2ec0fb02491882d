using Collaboration.Domain.Nurture;
using Collaboration.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class FollowUpEnrolmentConfiguration : IEntityTypeConfiguration<FollowUpEnrolment>
{
    public void Configure(EntityTypeBuilder<FollowUpEnrolment> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Ignore(e => e.IsComplete);
        builder.Ignore(e => e.IsRunning);
        builder.Property(e => e.StopReason).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.TenantId).HasMaxLength(64);
        builder.Property(e => e.PlanName).HasMaxLength(100);
        builder.Property(e => e.EnrolledBy).HasMaxLength(64);
        builder.Property(e => e.Steps).HasJsonConversion();
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(e => e.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.TenantId, e.OpportunityId });
    }
}
