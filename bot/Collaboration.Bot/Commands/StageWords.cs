using System.Text.RegularExpressions;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Bot.Commands;

/// <summary>Stage words in both languages: the tenant's display names first, then the stage keys and common synonyms.</summary>
public static class StageWords
{
    private static readonly (string Word, Stage Stage)[] Synonyms =
    [
        ("new", Stage.New), ("capture", Stage.New), ("新建", Stage.New), ("新", Stage.New),
        ("qualify", Stage.Qualify), ("qualification", Stage.Qualify), ("qualified", Stage.Qualify), ("资格", Stage.Qualify), ("审核", Stage.Qualify), ("资格审核", Stage.Qualify),
        ("nurture", Stage.Nurture), ("nurturing", Stage.Nurture), ("培育", Stage.Nurture), ("培养", Stage.Nurture),
        ("proposal", Stage.Proposal), ("propose", Stage.Proposal), ("quote", Stage.Proposal), ("方案", Stage.Proposal), ("提案", Stage.Proposal), ("报价", Stage.Proposal),
        ("negotiation", Stage.Negotiation), ("negotiate", Stage.Negotiation), ("谈判", Stage.Negotiation), ("议价", Stage.Negotiation),
        ("contract", Stage.Contract), ("合同", Stage.Contract), ("签约", Stage.Contract),
        ("won", Stage.Won), ("win", Stage.Won), ("closed won", Stage.Won), ("赢单", Stage.Won), ("赢", Stage.Won),
        ("lost", Stage.Lost), ("closed lost", Stage.Lost), ("输单", Stage.Lost), ("输", Stage.Lost),
    ];

    public static Stage? Resolve(string? text, PipelineSettings pipeline)
    {
        var wanted = (text ?? "").Trim().Trim('"', '“', '”', '「', '」').ToLowerInvariant();
        if (wanted.Length == 0) return null;
        foreach (var stage in pipeline.Stages)
        {
            if (string.Equals(stage.Name, wanted, StringComparison.OrdinalIgnoreCase) || stage.NameZh == wanted) return stage.Stage;
        }
        foreach (var (word, stage) in Synonyms)
        {
            if (word == wanted) return stage;
        }
        var prefixed = pipeline.Stages.Where(s => wanted.Length >= 3 && s.Name.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        return prefixed.Count == 1 ? prefixed[0].Stage : null;
    }
}
