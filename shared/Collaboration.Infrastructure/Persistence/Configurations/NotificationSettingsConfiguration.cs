using Collaboration.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

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
