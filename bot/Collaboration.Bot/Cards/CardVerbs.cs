namespace Collaboration.Bot.Cards;

/// <summary>The verbs of the deal cards' actions.</summary>
public static class CardVerbs
{
    public const string Show = "show";
    public const string Pick = "pick";
    public const string Advance = "advance";
    public const string Move = "move";
    public const string Qualify = "qualify";
    public const string Log = "log";
    public const string Won = "won";
    public const string Lost = "lost";
    public const string Edit = "edit";
    public const string Reopen = "reopen";
    public const string Timeline = "timeline";

    /// <summary>Verbs that change a deal, and so are checked against the version the card was drawn from.</summary>
    public static readonly IReadOnlySet<string> Changing = new HashSet<string> { Advance, Move, Qualify, Log, Won, Lost, Edit, Reopen };
}
