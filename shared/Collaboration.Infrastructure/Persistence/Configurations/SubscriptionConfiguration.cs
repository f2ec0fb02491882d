using Collaboration.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TenantId).HasMaxLength(64);
        builder.Property(s => s.ConversationKey).HasMaxLength(512);
        builder.Property(s => s.Filter).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Team).HasMaxLength(100);
        builder.Property(s => s.CreatedBy).HasMaxLength(64);
        builder.HasIndex(s => new { s.TenantId, s.ConversationKey, s.Filter, s.Team }).IsUnique();
    }
}
