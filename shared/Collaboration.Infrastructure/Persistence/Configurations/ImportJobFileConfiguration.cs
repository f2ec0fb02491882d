using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class ImportJobFileConfiguration : IEntityTypeConfiguration<Collaboration.Domain.Imports.ImportJobFile>
{
    public void Configure(EntityTypeBuilder<Collaboration.Domain.Imports.ImportJobFile> builder)
    {
        builder.HasKey(f => f.ImportJobId);
        builder.Property(f => f.TenantId).HasMaxLength(64);
        builder.Property(f => f.FileName).HasMaxLength(260);
        builder.Property(f => f.Content).HasMaxLength(Collaboration.Domain.Imports.ImportJobFile.MaxBytes);
        builder.HasOne<Collaboration.Domain.Imports.ImportJob>().WithOne().HasForeignKey<Collaboration.Domain.Imports.ImportJobFile>(f => f.ImportJobId).OnDelete(DeleteBehavior.Cascade);
    }
}
