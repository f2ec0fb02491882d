using Collaboration.Domain.Contacts;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.TenantId).HasMaxLength(64);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Surface).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Subject).HasMaxLength(500);
        builder.Property(i => i.Summary).HasMaxLength(Interaction.MaxSummaryLength);
        builder.Property(i => i.LoggedBy).HasMaxLength(64);
        builder.Property(i => i.SourceId).HasMaxLength(998);
        builder.Property(i => i.ConversationId).HasMaxLength(512);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(i => i.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => new { i.TenantId, i.OpportunityId, i.SourceId }).IsUnique();
        builder.HasIndex(i => new { i.TenantId, i.SourceId });
        builder.HasIndex(i => new { i.TenantId, i.ConversationId });
        // Deal first: the same index then serves the foreign key, and EF adds no index of the deal alone, one B-tree
        // fewer for every interaction written (a deal's id names one tenant's deal, so the order costs a read nothing).
        builder.HasIndex(i => new { i.OpportunityId, i.TenantId, i.OccurredAt });
    }
}
