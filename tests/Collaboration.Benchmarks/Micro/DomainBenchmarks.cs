using System.Text;
using BenchmarkDotNet.Attributes;
using Collaboration.Bot.Commands;
using Collaboration.Domain.Capture.EmailHints;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Benchmarks.Micro;

/// <summary>The pure functions a bot turn or an add-in request runs: parsing, scoring, matching, hint extraction.</summary>
[MemoryDiagnoser]
public class DomainBenchmarks
{
    private readonly PipelineSettings _pipeline = PipelineSettings.Default;
    private DealCandidate[] _candidates = [];
    private string _emailBody = string.Empty;
    private readonly DateOnly _today = new(2026, 11, 20);
    private readonly Bant _bant = new()
    {
        BudgetAmount = 120_000m,
        BudgetCurrency = "USD",
        BudgetStatus = BudgetStatus.CanBuy,
        DecisionMakerName = "Sarah Chen",
        Need = NeedLevel.MustHave,
        Timeframe = Timeframe.ThisQuarter,
        TargetDate = new DateOnly(2026, 12, 31),
    };

    [GlobalSetup]
    public void Setup()
    {
        _candidates = BenchData.DealCandidates(5_000);
        _emailBody = BenchData.LongEmail(50 * 1024);
    }

    [Benchmark]
    public object CommandParser_MyDeals() => CommandParser.Parse("my deals", _pipeline);

    [Benchmark]
    public object CommandParser_Move() => CommandParser.Parse("move contoso 50 seats to proposal", _pipeline);

    [Benchmark]
    public object CommandParser_NewDeal_Chinese() => CommandParser.Parse("新商机 华辰科技 二期扩容 12万 下个月", _pipeline);

    [Benchmark]
    public BantScore BantScorer_Score() => BantScorer.Score(_bant, BantWeights.Default, _today);

    [Benchmark]
    public DealMatch DealNameMatcher_5000() => DealNameMatcher.Match("northwind renewal", _candidates);

    [Benchmark]
    public ExtractedHints EmailHintExtractor_50KB() =>
        EmailHintExtractor.Extract("Pricing for 50 seats, budget approved", _emailBody, _today);
}

internal static class BenchData
{
    private static readonly string[] Companies =
    [
        "Contoso", "Fabrikam", "Northwind Traders", "Tailspin Toys", "Adventure Works", "Litware", "Proseware", "Wingtip Toys",
        "Woodgrove Bank", "Alpine Ski House", "Coho Winery", "Fourth Coffee", "华辰科技", "东方明珠物流", "锦绣纺织", "云帆软件",
    ];

    private static readonly string[] Products = ["50 seats", "annual renewal", "CRM rollout", "analytics add-on", "pilot", "年度采购", "二期扩容"];

    public static DealCandidate[] DealCandidates(int count)
    {
        var random = new Random(42);
        return Enumerable.Range(0, count).Select(i =>
        {
            var company = Companies[random.Next(Companies.Length)];
            return new DealCandidate(Guid.NewGuid(), $"{company} {Products[random.Next(Products.Length)]} #{i}", company, random.Next(4) != 0);
        }).ToArray();
    }

    /// <summary>A long thread as reps forward it: quoted replies, signatures, budget and timeline sentences here and there.</summary>
    public static string LongEmail(int bytes)
    {
        string[] paragraphs =
        [
            "Hi Alex,\n\nThanks for the demo yesterday. The team liked the pipeline view and the Teams cards.",
            "We have budget approved for roughly $120k this fiscal year; procurement needs the quote by end of next month.",
            "Sarah Chen (VP Sales) will sign off; she wants to see the security review first.",
            "> On Tue, Nov 17, 2026 at 9:14 AM Alex Wilber wrote:\n> Could you share how many seats you need and when you plan to go live?",
            "We would like to go live in Q1 with about 50 seats, possibly 80 later in the year.",
            "Best regards,\nJames Miller\nHead of Operations | Northwind Traders\n+1 425 555 0100",
            "我们今年的预算大约是 12 万元，希望下个月完成采购流程。",
        ];
        var text = new StringBuilder(bytes + 512);
        var i = 0;
        while (Encoding.UTF8.GetByteCount(text.ToString()) < bytes)
        {
            text.Append(paragraphs[i++ % paragraphs.Length]).Append("\n\n");
        }
        return text.ToString();
    }
}
