using System.Globalization;
using Collaboration.Domain.Notifications;

namespace Collaboration.Bot.Commands;

/// <summary>The notification preferences a rep sets by chat: reminders, parked deliveries, subscriptions, mutes, quiet hours.</summary>
public static partial class CommandParser
{
    private static BotCommand? ParseNotificationCommand(string input)
    {
        if (Reminders().IsMatch(input)) return new RemindersCommand();
        if (Parked().IsMatch(input)) return new ParkedCommand();
        if (Unsubscribe().IsMatch(input)) return new UnsubscribeCommand();
        if (Subscribe().Match(input) is { Success: true } subscribe)
        {
            var what = subscribe.Groups["what"].Value.Trim().ToLowerInvariant();
            SubscriptionFilter? filter = what switch
            {
                "won deals" or "won" or "wins" or "won deal" or "deals won" or "赢单" or "赢单商机" or "成交" => SubscriptionFilter.WonDeals,
                "all stage changes" or "all" or "stage changes" or "all changes" or "everything" or "所有阶段变化" or "阶段变化" or "所有" or "全部" or "所有变化"
                    => SubscriptionFilter.AllStageChanges,
                "my team" or "team" or "my team's deals" or "我的团队" or "团队" or "本团队" => SubscriptionFilter.MyTeam,
                _ => null,
            };
            return filter is { } f ? new SubscribeCommand(f) : new UnknownCommand(input);
        }
        if (Unmute().Match(input) is { Success: true } unmute && CleanName(unmute.Groups["deal"].Value) is { Length: > 0 } unmuted)
        {
            return new MuteDealCommand(unmuted, Mute: false);
        }
        if (Mute().Match(input) is { Success: true } mute && CleanName(mute.Groups["deal"].Value) is { Length: > 0 } muted)
        {
            return new MuteDealCommand(muted, Mute: true);
        }
        if (QuietHours().Match(input) is { Success: true } quiet)
        {
            if (quiet.Groups["off"].Success) return new QuietHoursCommand(null, null);
            return TimeOf(quiet.Groups["from"].Value) is { } from && TimeOf(quiet.Groups["until"].Value) is { } until
                ? new QuietHoursCommand(from, until)
                : new UnknownCommand(input);
        }
        return null;
    }

    private static TimeOnly? TimeOf(string text)
    {
        var parts = text.Split(':');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)) return null;
        var minute = 0;
        if (parts.Length > 1 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minute)) return null;
        if (hour == 24 && minute == 0) hour = 0;
        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
    }
}
