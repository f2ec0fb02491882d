using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<Collaboration.Domain.Imports.ImportJob>
{
    public void Configure(EntityTypeBuilder<Collaboration.Domain.Imports.ImportJob> builder)
    {
        builder.HasKey(j => j.Id);
        builder.Property(j => j.TenantId).HasMaxLength(64);
        builder.Property(j => j.SourceName).HasMaxLength(200);
        builder.Property(j => j.FileName).HasMaxLength(260);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Errors).HasJsonConversion();
        builder.Property(j => j.Failure).HasMaxLength(1000);
        builder.Property(j => j.CreatedBy).HasMaxLength(64);
        builder.Property(j => j.Mapping).HasJsonConversion();
        builder.Ignore(j => j.IsFinished);
        builder.HasIndex(j => new { j.TenantId, j.CreatedAt });
        builder.HasIndex(j => j.Status);
    }
}
