using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<Collaboration.Application.Access.AuditEntry>
{
    public void Configure(EntityTypeBuilder<Collaboration.Application.Access.AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.TenantId).HasMaxLength(64);
        builder.Property(a => a.ActorObjectId).HasMaxLength(64);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.HasIndex(a => new { a.TenantId, a.At });
    }
}
