using Collaboration.Domain.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.TenantId).HasMaxLength(64);
        builder.Property(p => p.Code).HasMaxLength(Product.MaxCodeLength);
        builder.Property(p => p.Name).HasMaxLength(Product.MaxNameLength);
        builder.Property(p => p.Unit).HasMaxLength(Product.MaxUnitLength);
        builder.Property(p => p.Prices).HasJsonConversion();
        builder.HasIndex(p => new { p.TenantId, p.Code }).IsUnique();
    }
}
