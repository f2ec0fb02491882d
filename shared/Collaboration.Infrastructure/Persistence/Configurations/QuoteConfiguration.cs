using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Quotes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> builder)
    {
        builder.HasKey(q => q.Id);
        builder.Ignore(q => q.Totals);
        builder.Ignore(q => q.LargestDiscountPercent);
        builder.Property(q => q.TenantId).HasMaxLength(64);
        builder.Property(q => q.Currency).HasMaxLength(3);
        builder.Property(q => q.Lines).HasJsonConversion();
        builder.Property(q => q.TaxRatePercent).HasPrecision(7, 4);
        builder.Property(q => q.Subtotal).HasPrecision(24, 4);
        builder.Property(q => q.Discount).HasPrecision(24, 4);
        builder.Property(q => q.Tax).HasPrecision(24, 4);
        builder.Property(q => q.Total).HasPrecision(24, 4);
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(q => q.CreatedBy).HasMaxLength(64);
        builder.Property(q => q.ApproverId).HasMaxLength(64);
        builder.Property(q => q.Decision).HasJsonConversion();
        builder.Property(q => q.Version).IsConcurrencyToken();
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(q => q.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => new { q.TenantId, q.OpportunityId, q.Number }).IsUnique();
        builder.HasIndex(q => new { q.TenantId, q.Status });
    }
}
