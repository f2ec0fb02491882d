using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class AssignmentRuleConfiguration : IEntityTypeConfiguration<Collaboration.Domain.Assignment.AssignmentRule>
{
    public void Configure(EntityTypeBuilder<Collaboration.Domain.Assignment.AssignmentRule> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.TenantId).HasMaxLength(64);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Country).HasMaxLength(100);
        builder.Property(r => r.EmailDomainSuffix).HasMaxLength(253);
        builder.Property(r => r.AssigneeObjectId).HasMaxLength(64);
        builder.Property(r => r.Team).HasMaxLength(100);
        builder.HasIndex(r => new { r.TenantId, r.Position });
    }
}
