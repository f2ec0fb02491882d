namespace Collaboration.Domain.Nurture;

public enum SnoozeLength
{
    Day,
    Week,
}

/// <summary>The owner put off one rule's reminder for a deal until <see cref="Until"/>.</summary>
public sealed class Snooze
{
    private Snooze() { }

    public Snooze(string tenantId, Guid opportunityId, ReminderRule rule, string userObjectId)
    {
        TenantId = tenantId;
        OpportunityId = opportunityId;
        Rule = rule;
        UserObjectId = userObjectId;
    }

    public string TenantId { get; private set; } = "";
    public Guid OpportunityId { get; private set; }
    public ReminderRule Rule { get; private set; }
    public string UserObjectId { get; private set; } = "";
    public DateTimeOffset Until { get; private set; }

    public void Extend(SnoozeLength length, DateTimeOffset now) =>
        Until = now + (length == SnoozeLength.Week ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1));

    public bool Covers(Reminder reminder, DateTimeOffset now) =>
        reminder.OpportunityId == OpportunityId && reminder.Rule == Rule && now < Until;
}
