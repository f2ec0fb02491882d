namespace Collaboration.Bot.Cards;

/// <summary>Names of the values card actions carry and the inputs they collect.</summary>
public static class CardData
{
    public const string Verb = "verb";
    public const string DealId = "dealId";
    public const string Version = "version";
    public const string RenderedAt = "renderedAt";
    public const string Score = "score";
    public const string Target = "target";
    public const string Command = "command";

    public const string Stage = "stage";
    public const string OverrideReason = "overrideReason";
    public const string GateReason = "gateReason";
    public const string BudgetAmount = "budgetAmount";
    public const string BudgetStatus = "budgetStatus";
    public const string DecisionMaker = "decisionMaker";
    public const string Need = "need";
    public const string Timeline = "timeline";
    public const string Kind = "kind";
    public const string Text = "text";
    public const string WonAmount = "wonAmount";
    public const string WonDate = "wonDate";
    public const string LossReason = "lossReason";
    public const string Competitor = "competitor";

    // The Edit form: empty means unchanged (the probability's empty means "follow the stage").
    public const string EditName = "editName";
    public const string EditAmount = "editAmount";
    public const string EditCurrency = "editCurrency";
    public const string EditCloseDate = "editCloseDate";
    public const string EditProbability = "editProbability";
    public const string EditNextStep = "editNextStep";
    public const string EditNextStepDue = "editNextStepDue";
    public const string EditContact = "editContact";
    public const string EditOwner = "editOwner";

    public const string ReopenReason = "reopenReason";
}
