using Collaboration.Domain.Accounts;
using Collaboration.Domain.Contacts;
using Collaboration.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Ignore(o => o.PendingChanges);
        builder.Ignore(o => o.PendingEvents);
        builder.Ignore(o => o.IsClosed);
        builder.Ignore(o => o.WeightedAmount);
        builder.Property(o => o.TenantId).HasMaxLength(64);
        builder.Property(o => o.Name).HasMaxLength(Opportunity.MaxNameLength);
        builder.Property(o => o.OwnerId).HasMaxLength(64);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.Amount).HasPrecision(18, 2);
        builder.Property(o => o.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Rating).HasConversion<string>().HasMaxLength(10);
        builder.Property(o => o.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.SourceDetail).HasMaxLength(500);
        builder.Property(o => o.ReferredBy).HasMaxLength(200);
        builder.Property(o => o.NextStep).HasMaxLength(500);
        builder.Property(o => o.LossReason).HasMaxLength(100);
        builder.Property(o => o.Competitor).HasMaxLength(200);
        builder.Property(o => o.QualificationOverrideReason).HasMaxLength(500);
        builder.Property(o => o.Bant).HasRecordJsonConversion();
        builder.Property(o => o.Review).HasJsonConversion();
        builder.Property(o => o.Contract).HasJsonConversion();
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne<Account>().WithMany().HasForeignKey(o => o.AccountId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Contact>().WithMany().HasForeignKey(o => o.PrimaryContactId).OnDelete(DeleteBehavior.SetNull);
        // Covering for the forecast and coverage reports: a rep's deals in a stage closing in a period, read from the
        // index alone (source, currency, probability and amount are what those reports add up).
        builder.HasIndex(o => new { o.TenantId, o.OwnerId, o.Stage, o.CloseDate, o.Source, o.Currency, o.Probability, o.Amount })
            .HasDatabaseName("IX_Opportunities_Pipeline");
        // Account and contact first: each index then also serves its foreign key, and EF adds no index of the key alone.
        builder.HasIndex(o => new { o.AccountId, o.TenantId });
        builder.HasIndex(o => new { o.PrimaryContactId, o.TenantId });
    }
}
