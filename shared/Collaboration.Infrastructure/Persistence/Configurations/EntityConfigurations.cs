using Collaboration.Application.Persistence;
using Collaboration.Application.Conversations;
using Collaboration.Application.Reports;
using Collaboration.Domain.Accounts;
using Collaboration.Domain.Contacts;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Outbox;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;
using Collaboration.Domain.Quotas;
using Collaboration.Domain.Tenants;
using Collaboration.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Collaboration.Infrastructure.Persistence.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Pipeline).HasJsonConversion();
        builder.Property(t => t.ExtraFreeMailDomains).HasJsonConversion();
        builder.Property(t => t.NotFreeMailDomains).HasJsonConversion();
    }
}

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

internal sealed class AccountDomainConfiguration : IEntityTypeConfiguration<AccountDomain>
{
    public void Configure(EntityTypeBuilder<AccountDomain> builder)
    {
        builder.HasKey(d => new { d.TenantId, d.Domain });
        builder.Property(d => d.TenantId).HasMaxLength(64);
        builder.Property(d => d.Domain).HasMaxLength(253);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.TenantId).HasMaxLength(64);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Phone).HasMaxLength(50);
        builder.HasIndex(c => new { c.TenantId, c.Email }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.AccountId });
        builder.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.SetNull);
    }
}

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
        builder.Property(o => o.Bant).HasJsonConversion();
        builder.Property(o => o.Review).HasJsonConversion();
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne<Account>().WithMany().HasForeignKey(o => o.AccountId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Contact>().WithMany().HasForeignKey(o => o.PrimaryContactId).OnDelete(DeleteBehavior.SetNull);
        // Covering for the forecast and coverage reports: a rep's deals in a stage closing in a period, read from the
        // index alone (source, currency, probability and amount are what those reports add up).
        builder.HasIndex(o => new { o.TenantId, o.OwnerId, o.Stage, o.CloseDate, o.Source, o.Currency, o.Probability, o.Amount })
            .HasDatabaseName("IX_Opportunities_Pipeline");
        builder.HasIndex(o => new { o.TenantId, o.AccountId });
        builder.HasIndex(o => new { o.TenantId, o.PrimaryContactId });
    }
}

internal sealed class OpportunityChangeConfiguration : IEntityTypeConfiguration<OpportunityChange>
{
    public void Configure(EntityTypeBuilder<OpportunityChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.TenantId).HasMaxLength(64);
        builder.Property(c => c.Field).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Surface).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.OldValue).HasMaxLength(OpportunityChange.MaxValueLength);
        builder.Property(c => c.NewValue).HasMaxLength(OpportunityChange.MaxValueLength);
        builder.Property(c => c.Reason).HasMaxLength(OpportunityChange.MaxValueLength);
        builder.Property(c => c.ChangedBy).HasMaxLength(64);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(c => c.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.TenantId, c.OpportunityId, c.ChangedAt });
    }
}

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
        // The period reports read this index alone, in its order: a month's stays come grouped by owner, source and
        // stage, so SQLite groups them as they stream instead of sorting a year of rows.
        builder.HasIndex(s => new
            {
                s.TenantId, s.Month, s.OwnerId, s.Source, s.Stage, s.EnteredAt,
                s.PreviousEntryAt, s.LeftAt, s.AdvancedAt, s.WonAt, s.StartedAt, s.LossReason, s.Competitor, s.Currency, s.Amount,
            })
            .HasDatabaseName("IX_StageStints_Period");
        // Where each deal is at a moment: the stays of a stage not yet left by then (aging), and the closes still in
        // place (win rate, loss reasons; hence the loss facts, which only lost stays have).
        builder.HasIndex(s => new { s.TenantId, s.Stage, s.LeftAt, s.EnteredAt, s.OwnerId, s.Source, s.LossReason, s.Competitor, s.Currency, s.Amount })
            .HasDatabaseName("IX_StageStints_Current");
    }
}

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.TenantId).HasMaxLength(64);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Surface).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Subject).HasMaxLength(500);
        builder.Property(i => i.Summary).HasMaxLength(Interaction.MaxSummaryLength);
        builder.Property(i => i.LoggedBy).HasMaxLength(64);
        builder.Property(i => i.SourceId).HasMaxLength(998);
        builder.Property(i => i.ConversationId).HasMaxLength(512);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(i => i.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => new { i.TenantId, i.OpportunityId, i.SourceId }).IsUnique();
        builder.HasIndex(i => new { i.TenantId, i.SourceId });
        builder.HasIndex(i => new { i.TenantId, i.ConversationId });
        builder.HasIndex(i => new { i.TenantId, i.OpportunityId, i.OccurredAt });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.TenantId).HasMaxLength(64);
        builder.Property(m => m.Type).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => new { m.ProcessedAt, m.Id });
    }
}

internal sealed class ConversationReferenceConfiguration : IEntityTypeConfiguration<ConversationReferenceRecord>
{
    public void Configure(EntityTypeBuilder<ConversationReferenceRecord> builder)
    {
        builder.ToTable("ConversationReferences");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.TenantId).HasMaxLength(64);
        builder.Property(r => r.ConversationId).HasMaxLength(512);
        builder.Property(r => r.UserObjectId).HasMaxLength(64);
        builder.Property(r => r.ServiceUrl).HasMaxLength(500);
        builder.Property(r => r.ChannelId).HasMaxLength(50);
        builder.Property(r => r.ConversationType).HasMaxLength(20);
        builder.Property(r => r.TeamId).HasMaxLength(512);
        builder.Property(r => r.BotId).HasMaxLength(200);
        builder.Property(r => r.Locale).HasMaxLength(20);
        builder.HasIndex(r => new { r.TenantId, r.ConversationId }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.UserObjectId });
    }
}

internal sealed class QuotaConfiguration : IEntityTypeConfiguration<Quota>
{
    public void Configure(EntityTypeBuilder<Quota> builder)
    {
        builder.HasKey(q => q.Id);
        builder.Property(q => q.TenantId).HasMaxLength(64);
        builder.Property(q => q.OwnerId).HasMaxLength(64);
        builder.Property(q => q.Team).HasMaxLength(100);
        builder.Ignore(q => q.Period);
        builder.Property(q => q.Currency).HasMaxLength(3);
        builder.Property(q => q.Amount).HasPrecision(18, 2);
        builder.HasIndex(q => new { q.TenantId, q.OwnerId, q.PeriodStart });
        builder.HasIndex(q => new { q.TenantId, q.Team, q.PeriodStart });
    }
}

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

internal sealed class AssignmentRuleConfiguration : IEntityTypeConfiguration<Collaboration.Domain.Assignment.AssignmentRule>
{
    public void Configure(EntityTypeBuilder<Collaboration.Domain.Assignment.AssignmentRule> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.TenantId).HasMaxLength(64);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Country).HasMaxLength(100);
        builder.Property(r => r.EmailDomainSuffix).HasMaxLength(253);
        builder.Property(r => r.AssigneeObjectId).HasMaxLength(64);
        builder.Property(r => r.Team).HasMaxLength(100);
        builder.HasIndex(r => new { r.TenantId, r.Position });
    }
}

internal sealed class RoundRobinCursorConfiguration : IEntityTypeConfiguration<Collaboration.Domain.Assignment.RoundRobinCursor>
{
    public void Configure(EntityTypeBuilder<Collaboration.Domain.Assignment.RoundRobinCursor> builder)
    {
        builder.HasKey(c => new { c.TenantId, c.Team });
        builder.Property(c => c.TenantId).HasMaxLength(64);
        builder.Property(c => c.Team).HasMaxLength(100);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

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

internal sealed class MailboxSubscriptionConfiguration : IEntityTypeConfiguration<Collaboration.Domain.Capture.MailboxSubscription>
{
    public void Configure(EntityTypeBuilder<Collaboration.Domain.Capture.MailboxSubscription> builder)
    {
        builder.HasKey(s => s.Mailbox);
        builder.Property(s => s.Mailbox).HasMaxLength(320);
        builder.Property(s => s.TenantId).HasMaxLength(64);
        builder.Property(s => s.SubscriptionId).HasMaxLength(200);
        builder.Property(s => s.ClientStateHash).HasMaxLength(64);
        builder.Property(s => s.NotificationUrl).HasMaxLength(2000);
    }
}

internal sealed class ImportMappingConfiguration : IEntityTypeConfiguration<Collaboration.Domain.Imports.ImportMapping>
{
    public void Configure(EntityTypeBuilder<Collaboration.Domain.Imports.ImportMapping> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.TenantId).HasMaxLength(64);
        builder.Property(m => m.SourceKey).HasMaxLength(200);
        builder.Property(m => m.Columns).HasJsonConversion();
        builder.HasIndex(m => new { m.TenantId, m.SourceKey }).IsUnique();
    }
}

internal sealed class ImportedRowConfiguration : IEntityTypeConfiguration<Collaboration.Domain.Imports.ImportedRow>
{
    public void Configure(EntityTypeBuilder<Collaboration.Domain.Imports.ImportedRow> builder)
    {
        builder.HasKey(r => new { r.TenantId, r.RowKey });
        builder.Property(r => r.TenantId).HasMaxLength(64);
        builder.Property(r => r.RowKey).HasMaxLength(64);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(r => r.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ImportJobId);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<Collaboration.Application.Access.AuditEntry>
{
    public void Configure(EntityTypeBuilder<Collaboration.Application.Access.AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.TenantId).HasMaxLength(64);
        builder.Property(a => a.ActorObjectId).HasMaxLength(64);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.HasIndex(a => new { a.TenantId, a.At });
    }
}
