using Collaboration.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.TenantId).HasMaxLength(64);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.HasMany(a => a.Domains).WithOne().HasForeignKey(d => d.AccountId);
        builder.Navigation(a => a.Domains).HasField("_domains").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(a => new { a.TenantId, a.Name });
    }
}
