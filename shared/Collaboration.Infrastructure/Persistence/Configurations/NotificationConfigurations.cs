using Collaboration.Application.Persistence;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Nurture;
using Collaboration.Domain.Opportunities;
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

internal sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> builder)
    {
        builder.HasKey(s => new { s.TenantId, s.UserObjectId });
        builder.Property(s => s.TenantId).HasMaxLength(64);
        builder.Property(s => s.UserObjectId).HasMaxLength(64);
        builder.Ignore(s => s.QuietHours);
    }
}

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

internal sealed class TenantNurtureSettingsConfiguration : IEntityTypeConfiguration<TenantNurtureSettings>
{
    public void Configure(EntityTypeBuilder<TenantNurtureSettings> builder)
    {
        builder.HasKey(s => s.TenantId);
        builder.Property(s => s.TenantId).HasMaxLength(64);
        builder.Property(s => s.Rules).HasJsonConversion();
    }
}
