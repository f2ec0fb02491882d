using Collaboration.Application.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class ConversationReferenceConfiguration : IEntityTypeConfiguration<ConversationReferenceRecord>
{
    public void Configure(EntityTypeBuilder<ConversationReferenceRecord> builder)
    {
        builder.ToTable("ConversationReferences");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.TenantId).HasMaxLength(64);
        builder.Property(r => r.ConversationId).HasMaxLength(512);
        builder.Property(r => r.UserObjectId).HasMaxLength(64);
        builder.Property(r => r.ServiceUrl).HasMaxLength(500);
        builder.Property(r => r.ChannelId).HasMaxLength(50);
        builder.Property(r => r.ConversationType).HasMaxLength(20);
        builder.Property(r => r.TeamId).HasMaxLength(512);
        builder.Property(r => r.BotId).HasMaxLength(200);
        builder.Property(r => r.Locale).HasMaxLength(20);
        builder.HasIndex(r => new { r.TenantId, r.ConversationId }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.UserObjectId });
    }
}
