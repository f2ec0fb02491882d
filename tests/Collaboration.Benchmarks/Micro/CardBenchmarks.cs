using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Collaboration.Application.Opportunities;
using Collaboration.Bot.Cards;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Benchmarks.Micro;

/// <summary>Drawing the Adaptive Cards the bot answers with, and writing them as JSON as the connector call does.</summary>
[MemoryDiagnoser]
public class CardBenchmarks
{
    private readonly PipelineSettings _pipeline = PipelineSettings.Default;
    private readonly CardContext _context = new("en-US", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private IReadOnlyList<DealSummary> _deals = [];
    private DealView _deal = null!;

    [GlobalSetup]
    public void Setup()
    {
        var now = _context.RenderedAt;
        _deals = Enumerable.Range(0, 15).Select(i => new DealSummary(
            Guid.NewGuid(), $"Contoso expansion {i}", "Contoso", "rep-1", (Stage)(i % 6), 10_000m * (i + 1), "USD", 20 + i, 2_000m * (i + 1),
            new DateOnly(2026, 12, 1).AddDays(i), 40 + i, Rating.Warm, i % 2 == 0 ? "Send quote" : null, null, now.AddDays(-i), 3)).ToList();
        var bant = new Bant { BudgetAmount = 120_000m, BudgetCurrency = "USD", BudgetStatus = BudgetStatus.CanBuy, Need = NeedLevel.MustHave };
        _deal = new DealView(Guid.NewGuid(), "Contoso – 50 seats", "Contoso", Stage.Qualify, 120_000m, "USD", 20, 24_000m, new DateOnly(2026, 12, 31),
            55, Rating.Warm, ["authority", "timeline"], [], "Send quote", now.AddDays(-1), 7, bant, null, null, _pipeline);
    }

    [Benchmark]
    public JsonObject DealList_15() => DealCards.DealList(_deals, _pipeline, _context);

    [Benchmark]
    public string DealList_15_Json() => DealCards.DealList(_deals, _pipeline, _context).ToJsonString();

    [Benchmark]
    public JsonObject DealCard() => DealCards.Deal(_deal, _context, new DealCardNotes("Moved to Qualify."));

    [Benchmark]
    public string DealCard_Json() => DealCards.Deal(_deal, _context, new DealCardNotes("Moved to Qualify.")).ToJsonString();
}
