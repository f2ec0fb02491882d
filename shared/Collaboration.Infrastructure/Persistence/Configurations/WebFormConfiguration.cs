using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class WebFormConfiguration : IEntityTypeConfiguration<Collaboration.Domain.Capture.WebForm>
{
    public void Configure(EntityTypeBuilder<Collaboration.Domain.Capture.WebForm> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Ignore(f => f.IsActive);
        builder.Property(f => f.TenantId).HasMaxLength(64);
        builder.Property(f => f.Key).HasMaxLength(64);
        builder.Property(f => f.Name).HasMaxLength(Collaboration.Domain.Capture.WebForm.MaxNameLength);
        builder.Property(f => f.AllowedOrigins).HasJsonConversion();
        builder.Property(f => f.OwnerObjectId).HasMaxLength(64);
        builder.Property(f => f.CreatedBy).HasMaxLength(64);
        builder.HasIndex(f => f.Key).IsUnique();
        builder.HasIndex(f => f.TenantId);
    }
}
