using Collaboration.Domain.Interactions;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Bot.Commands;


/// <summary>"subscribe won deals" / "订阅 赢单": this conversation hears about deals matching the filter.</summary>
public sealed record SubscribeCommand(Domain.Notifications.SubscriptionFilter Filter) : BotCommand;

/// <summary>"unsubscribe": this conversation's subscriptions end.</summary>
public sealed record UnsubscribeCommand : BotCommand;

/// <summary>"mute contoso" / "unmute contoso": whether the rep hears about one deal.</summary>
public sealed record MuteDealCommand(string DealName, bool Mute) : DealCommand(DealName);

/// <summary>"quiet hours 20:00-08:00" / "免打扰 20:00-08:00"; both null turn quiet hours off.</summary>
public sealed record QuietHoursCommand(TimeOnly? From, TimeOnly? Until) : BotCommand;

/// <summary>"reminders" / "提醒": what is due on the rep's deals.</summary>
public sealed record RemindersCommand : BotCommand;

/// <summary>"parked" (admins): deliveries that could not be sent, with their errors and a button to retry each.</summary>
public sealed record ParkedCommand : BotCommand;
