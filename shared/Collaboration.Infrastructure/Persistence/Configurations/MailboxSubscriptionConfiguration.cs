using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class MailboxSubscriptionConfiguration : IEntityTypeConfiguration<Collaboration.Domain.Capture.MailboxSubscription>
{
    public void Configure(EntityTypeBuilder<Collaboration.Domain.Capture.MailboxSubscription> builder)
    {
        builder.HasKey(s => s.Mailbox);
        builder.Property(s => s.Mailbox).HasMaxLength(320);
        builder.Property(s => s.TenantId).HasMaxLength(64);
        builder.Property(s => s.SubscriptionId).HasMaxLength(200);
        builder.Property(s => s.ClientStateHash).HasMaxLength(64);
        builder.Property(s => s.NotificationUrl).HasMaxLength(2000);
    }
}
