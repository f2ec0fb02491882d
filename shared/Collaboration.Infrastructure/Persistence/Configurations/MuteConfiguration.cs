using Collaboration.Domain.Notifications;
using Collaboration.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class MuteConfiguration : IEntityTypeConfiguration<Mute>
{
    public void Configure(EntityTypeBuilder<Mute> builder)
    {
        builder.HasKey(m => new { m.TenantId, m.UserObjectId, m.OpportunityId });
        builder.Property(m => m.TenantId).HasMaxLength(64);
        builder.Property(m => m.UserObjectId).HasMaxLength(64);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(m => m.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.TenantId, m.OpportunityId });
    }
}
