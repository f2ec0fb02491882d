using Collaboration.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class AccountDomainConfiguration : IEntityTypeConfiguration<AccountDomain>
{
    public void Configure(EntityTypeBuilder<AccountDomain> builder)
    {
        builder.HasKey(d => new { d.TenantId, d.Domain });
        builder.Property(d => d.TenantId).HasMaxLength(64);
        builder.Property(d => d.Domain).HasMaxLength(253);
    }
}
