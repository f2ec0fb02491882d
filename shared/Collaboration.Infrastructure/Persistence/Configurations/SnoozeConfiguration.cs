using Collaboration.Domain.Nurture;
using Collaboration.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class SnoozeConfiguration : IEntityTypeConfiguration<Snooze>
{
    public void Configure(EntityTypeBuilder<Snooze> builder)
    {
        builder.HasKey(s => new { s.TenantId, s.OpportunityId, s.Rule });
        builder.Property(s => s.TenantId).HasMaxLength(64);
        builder.Property(s => s.Rule).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.UserObjectId).HasMaxLength(64);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(s => s.OpportunityId).OnDelete(DeleteBehavior.Cascade);
    }
}
