namespace Collaboration.Domain.Notifications;

/// <summary>A rep's own notification settings: quiet hours and digest time, both in their own time zone.</summary>
public sealed class NotificationSettings
{
    public static readonly TimeOnly DefaultDigestAt = new(8, 0);

    private NotificationSettings() { }

    public NotificationSettings(string tenantId, string userObjectId)
    {
        TenantId = tenantId;
        UserObjectId = userObjectId;
    }

    public string TenantId { get; private set; } = "";
    public string UserObjectId { get; private set; } = "";
    public TimeOnly? QuietFrom { get; private set; }
    public TimeOnly? QuietUntil { get; private set; }
    public TimeOnly DigestAt { get; private set; } = DefaultDigestAt;

    /// <summary>The last local date a digest was considered for: one digest per local day.</summary>
    public DateOnly? LastDigestOn { get; private set; }

    public QuietHours QuietHours => new(QuietFrom, QuietUntil);

    /// <summary>Sets quiet hours (e.g. 20:00–07:00, may wrap midnight); equal or missing ends turn them off.</summary>
    public void SetQuietHours(TimeOnly? from, TimeOnly? until)
    {
        if (from is null || until is null || from == until)
        {
            QuietFrom = null;
            QuietUntil = null;
            return;
        }
        QuietFrom = from;
        QuietUntil = until;
    }

    public void SetDigestTime(TimeOnly at) => DigestAt = at;

    public void DigestConsidered(DateOnly localDate) => LastDigestOn = localDate;
}

public readonly record struct QuietHours(TimeOnly? From, TimeOnly? Until)
{
    public bool IsSet => From is not null && Until is not null && From != Until;

    public bool Contains(TimeOnly local) =>
        IsSet && (From < Until ? local >= From && local < Until : local >= From || local < Until);

    /// <summary><paramref name="now"/> when it is outside quiet hours, else the moment they end in <paramref name="zone"/>.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        return Contains(TimeOnly.FromDateTime(local.DateTime)) ? LocalClock.Next(now, Until!.Value, zone) : now;
    }
}

public static class LocalClock
{
    /// <summary>The zone named by an IANA or Windows id; UTC when the id is unknown, so a typo never stops a notification.</summary>
    public static TimeZoneInfo Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return TimeZoneInfo.Utc;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    /// <summary>
    /// The first instant after <paramref name="after"/> when the wall clock in <paramref name="zone"/> shows
    /// <paramref name="time"/>; a time skipped by a daylight-saving jump moves to the first valid minute after it.
    /// </summary>
    public static DateTimeOffset Next(DateTimeOffset after, TimeOnly time, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        var candidate = DateOnly.FromDateTime(local).ToDateTime(time);
        if (candidate <= local) candidate = candidate.AddDays(1);
        return At(candidate, zone);
    }

    /// <summary>The instant a local wall-clock time in <paramref name="zone"/> denotes (the earlier one when ambiguous).</summary>
    public static DateTimeOffset At(DateTime localTime, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(localTime, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
