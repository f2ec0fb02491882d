using Collaboration.Domain.Accounts;
using Collaboration.Domain.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.TenantId).HasMaxLength(64);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Phone).HasMaxLength(50);
        builder.HasIndex(c => new { c.TenantId, c.Email }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.AccountId });
        builder.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.SetNull);
    }
}
