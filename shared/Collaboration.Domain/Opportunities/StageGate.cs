using System.Globalization;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Domain.Opportunities;

/// <summary>Which moves are forward, which need the qualification bar, and which exit criteria a deal still misses.</summary>
internal static class StageGate
{
    public static IReadOnlyList<string> MissingFor(Opportunity deal, Stage target, PipelineSettings pipeline, DateOnly today)
    {
        var missing = new List<string>();
        if (IsForward(deal.Stage, target)) missing.AddRange(UnmetExitRequirements(deal, pipeline));
        if (target == Stage.Won)
        {
            if (deal.Amount is null) missing.Add("amount");
            if (deal.CloseDate is null) missing.Add("close_date");
            if (pipeline.ContractRequiredForWon && deal.Contract is null) missing.Add("convert.contract_signed");
        }
        if (NeedsQualificationBar(deal.Stage, target) && deal.ScoreQualification(pipeline, today) is { } score
            && score.Total < pipeline.QualificationThreshold)
        {
            missing.AddRange(score.Gaps);
        }
        return missing.Distinct().ToList();
    }

    public static void CheckExitCriteria(Opportunity deal, Stage target, PipelineSettings pipeline)
    {
        if (!IsForward(deal.Stage, target)) return;
        var unmet = UnmetExitRequirements(deal, pipeline);
        if (unmet.Count > 0)
        {
            throw new DomainException(DomainError.Of("exit_criteria_unmet",
                ("stage", pipeline.For(deal.Stage).Name), ("missing", string.Join(',', unmet))));
        }
    }

    /// <summary>
    /// Null when the move needs no bar or the deal clears it; the trimmed override reason when it does not but the rep
    /// gave one; a refusal otherwise.
    /// </summary>
    public static string? OverrideNeeded(Opportunity deal, Stage from, Stage target, PipelineSettings pipeline, DateOnly today, string? overrideReason)
    {
        if (!NeedsQualificationBar(from, target)) return null;
        var score = deal.ScoreQualification(pipeline, today);
        if (score.Total >= pipeline.QualificationThreshold) return null;
        if (overrideReason is not null && string.IsNullOrWhiteSpace(overrideReason))
        {
            throw new DomainException(new DomainError("override_reason_required"));
        }
        if (overrideReason is null)
        {
            throw new DomainException(DomainError.Of("bant_below_threshold",
                ("score", score.Total.ToString(CultureInfo.InvariantCulture)),
                ("threshold", pipeline.QualificationThreshold.ToString(CultureInfo.InvariantCulture)),
                ("missing", string.Join(',', score.Gaps))));
        }
        return overrideReason.Trim();
    }

    public static bool NeedsQualificationBar(Stage from, Stage target) => target.IsBeyondQualify() && !from.IsBeyondQualify();

    public static bool IsForward(Stage from, Stage target) => target > from && !target.IsClosed() || target == Stage.Won;

    public static List<string> UnmetExitRequirements(Opportunity deal, PipelineSettings pipeline)
    {
        var unmet = new List<string>();
        foreach (var requirement in pipeline.For(deal.Stage).ExitRequirements)
        {
            var met = requirement switch
            {
                ExitRequirement.Amount => deal.Amount is not null,
                ExitRequirement.CloseDate => deal.CloseDate is not null,
                ExitRequirement.PrimaryContact => deal.PrimaryContactId is not null,
                ExitRequirement.NextStep => deal.NextStep is not null,
                ExitRequirement.DecisionMaker => deal.Bant.HasDecisionMaker,
                ExitRequirement.Budget => deal.Bant.BudgetAmount is not null,
                ExitRequirement.QuoteAccepted => deal.QuoteAcceptedAt is not null,
                _ => true,
            };
            if (!met) unmet.Add(TermOf(requirement));
        }
        return unmet;
    }

    private static string TermOf(ExitRequirement requirement) => requirement switch
    {
        ExitRequirement.Amount => "amount",
        ExitRequirement.CloseDate => "close_date",
        ExitRequirement.PrimaryContact => "primary_contact",
        ExitRequirement.NextStep => "next_step",
        ExitRequirement.DecisionMaker => "decision_maker",
        ExitRequirement.QuoteAccepted => "convert.quote_accepted",
        _ => "budget",
    };
}
