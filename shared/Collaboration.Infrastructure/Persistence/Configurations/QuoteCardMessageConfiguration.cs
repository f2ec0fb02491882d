using Collaboration.Application.Conversations;
using Collaboration.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class QuoteCardMessageConfiguration : IEntityTypeConfiguration<QuoteCardMessage>
{
    public void Configure(EntityTypeBuilder<QuoteCardMessage> builder)
    {
        builder.ToTable("QuoteCards");
        builder.HasKey(m => m.Id);
        builder.Ignore(m => m.Posted);
        builder.Property(m => m.TenantId).HasMaxLength(64);
        builder.Property(m => m.ServiceUrl).HasMaxLength(500);
        builder.Property(m => m.ConversationId).HasMaxLength(QuoteCardMessage.MaxIdLength);
        builder.Property(m => m.ConversationType).HasMaxLength(20);
        builder.Property(m => m.BotId).HasMaxLength(200);
        builder.Property(m => m.ActivityId).HasMaxLength(QuoteCardMessage.MaxIdLength);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(m => m.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.TenantId, m.OpportunityId, m.QuoteNumber }).IsUnique();
    }
}
