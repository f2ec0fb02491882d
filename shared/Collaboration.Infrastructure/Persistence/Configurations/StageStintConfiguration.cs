using Collaboration.Application.Reports;
using Collaboration.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class StageStintConfiguration : IEntityTypeConfiguration<StageStint>
{
    public void Configure(EntityTypeBuilder<StageStint> builder)
    {
        builder.HasKey(s => new { s.OpportunityId, s.Ordinal });
        builder.Property(s => s.TenantId).HasMaxLength(64);
        builder.Property(s => s.OwnerId).HasMaxLength(64);
        builder.Property(s => s.LossReason).HasMaxLength(100);
        builder.Property(s => s.Competitor).HasMaxLength(200);
        builder.Property(s => s.Currency).HasMaxLength(3);
        builder.Property(s => s.Amount).HasPrecision(18, 2);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(s => s.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        // A stage change reads the deal's stints still waiting for a step further along, and its last entry into each
        // stage it adds, by these two without touching the deal's other rows: how much a click reads does not grow
        // with the deal's history.
        builder.HasIndex(s => new { s.OpportunityId, s.AdvancedAt, s.Stage, s.Ordinal }).HasDatabaseName("IX_StageStints_Waiting");
        builder.HasIndex(s => new { s.OpportunityId, s.Stage, s.EnteredAt }).HasDatabaseName("IX_StageStints_Entries");
        // The period reports read this index alone, in its order: a month's stays come grouped by owner, source and
        // stage, so SQLite groups them as they stream instead of sorting a year of rows.
        builder.HasIndex(s => new
        {
            s.TenantId,
            s.Month,
            s.OwnerId,
            s.Source,
            s.Stage,
            s.EnteredAt,
            s.PreviousEntryAt,
            s.LeftAt,
            s.AdvancedAt,
            s.WonAt,
            s.StartedAt,
            s.LossReason,
            s.Competitor,
            s.Currency,
            s.Amount,
        })
            .HasDatabaseName("IX_StageStints_Period");
        // Where each deal is at a moment: the stays of a stage not yet left by then (aging), and the closes still in
        // place (win rate, loss reasons; hence the loss facts, which only lost stays have).
        builder.HasIndex(s => new { s.TenantId, s.Stage, s.LeftAt, s.EnteredAt, s.OwnerId, s.Source, s.LossReason, s.Competitor, s.Currency, s.Amount })
            .HasDatabaseName("IX_StageStints_Current");
    }
}
