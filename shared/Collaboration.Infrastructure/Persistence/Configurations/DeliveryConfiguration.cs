using Collaboration.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("Deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.TenantId).HasMaxLength(64);
        builder.Property(d => d.RecipientKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Recipient).HasMaxLength(512);
        builder.Property(d => d.SourceKey).HasMaxLength(200);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.LastError).HasMaxLength(Delivery.MaxErrorLength);
        builder.Property(d => d.ExternalId).HasMaxLength(512);
        builder.Property(d => d.LockedBy).HasMaxLength(200);
        // The dedupe guarantee: one delivery per cause and recipient, however often the cause is processed.
        builder.HasIndex(d => new { d.TenantId, d.SourceKey, d.RecipientKind, d.Recipient }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => new { d.TenantId, d.Status, d.NextAttemptAt });
    }
}
