using Collaboration.Domain.Interactions;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Bot.Commands;


/// <summary>"my team" / "我的团队": the caller's team, manager and direct reports as the CRM sees them.</summary>
public sealed record MyTeamCommand : BotCommand;

/// <summary>"who is my manager" / "我的经理是谁".</summary>
public sealed record MyManagerCommand : BotCommand;

/// <summary>"settings" / "设置": admins get a card that opens the Settings tab.</summary>
public sealed record SettingsCommand : BotCommand;
