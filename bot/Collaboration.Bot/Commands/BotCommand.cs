using Collaboration.Domain.Interactions;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Bot.Commands;

/// <summary>What a rep asked for, parsed from their words; names a deal by the words they used for it.</summary>
public abstract record BotCommand;

public sealed record HelpCommand : BotCommand;

public sealed record MyDealsCommand : BotCommand;

public sealed record UnknownCommand(string Text) : BotCommand;

public sealed record NewDealCommand(string Name, decimal? Amount, string? Currency, DateOnly? CloseDate, string? ReferredBy) : BotCommand;

/// <summary>
/// A command about one existing deal: named by the rep's words (<see cref="DealName"/>), or by a card, which carries
/// the deal's id (<see cref="DealId"/>) and, when the click changes the deal, the version it was drawn from.
/// </summary>
public abstract record DealCommand(string DealName) : BotCommand
{
    /// <summary>The deal a card named (a click, or a pick from a list); null when the rep typed a name.</summary>
    public Guid? DealId { get; init; }

    /// <summary>Set for a click that changes the deal: it is applied to this version only, never to a newer one.</summary>
    public DrawnCard? Drawn { get; init; }
}

/// <summary>What a card showed when it was drawn: the deal's version, the time, and the qualification score.</summary>
public sealed record DrawnCard(int Version, DateTimeOffset? RenderedAt, int? Score);

public sealed record ShowDealCommand(string DealName) : DealCommand(DealName);

public sealed record AdvanceDealCommand(string DealName) : DealCommand(DealName);

/// <summary><see cref="Target"/> is null when <see cref="StageText"/> names no stage of the tenant's pipeline.</summary>
public sealed record MoveDealCommand(string DealName, Stage? Target, string StageText) : DealCommand(DealName)
{
    /// <summary>Why the rep moves past the qualification bar anyway (the card's override input).</summary>
    public string? OverrideReason { get; init; }
}

/// <summary>An empty update typed (not clicked) asks the bot for the qualification prompt.</summary>
public sealed record QualifyDealCommand(string DealName, BantUpdate Update) : DealCommand(DealName)
{
    public bool IsEmpty => Update == new BantUpdate();
}

public sealed record LogInteractionCommand(string DealName, InteractionKind Kind, string Text) : DealCommand(DealName);

public sealed record WonCommand(string DealName, decimal? Amount) : DealCommand(DealName)
{
    public DateOnly? CloseDate { get; init; }
}

public sealed record LostCommand(string DealName, string? Reason, string? Competitor) : DealCommand(DealName);
