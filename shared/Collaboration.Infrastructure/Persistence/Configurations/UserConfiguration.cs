using Collaboration.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.TenantId).HasMaxLength(64);
        builder.Property(u => u.ObjectId).HasMaxLength(64);
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.Email).HasMaxLength(254);
        builder.Property(u => u.Locale).HasMaxLength(20);
        builder.Property(u => u.TimeZone).HasMaxLength(64);
        builder.Property(u => u.Team).HasMaxLength(100);
        builder.Property(u => u.ManagerObjectId).HasMaxLength(64);
        builder.Property(u => u.Active).HasDefaultValue(true).HasSentinel(true);
        builder.HasIndex(u => new { u.TenantId, u.ObjectId }).IsUnique();
    }
}
