using Collaboration.Domain.Capture.EmailHints;
using Xunit;
// The record shares its name with its namespace; inside this test namespace the bare name means the namespace.

namespace Collaboration.Domain.Tests.Capture.EmailHints;

public sealed class EmailHintCorpusTests
{
    public static TheoryData<string> CorpusNames()
    {
        var names = new TheoryData<string>();
        foreach (var email in CorpusEmail.LoadAll())
        {
            names.Add(email.Name);
        }

        return names;
    }

    [Fact]
    public void CorpusIsLargeAndBilingual()
    {
        var corpus = CorpusEmail.LoadAll();

        Assert.True(corpus.Count >= 32, $"corpus has {corpus.Count} emails");
        Assert.True(corpus.Count(email => email.Name.StartsWith("en-", StringComparison.Ordinal)) >= 14);
        Assert.True(corpus.Count(email => email.Name.StartsWith("zh-", StringComparison.Ordinal)) >= 14);
    }

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void ExtractsEveryExpectedHint(string name)
    {
        var email = CorpusEmail.LoadAll().Single(candidate => candidate.Name == name);

        var hints = EmailHintExtractor.Extract(email.Subject, email.Body, email.ReceivedOn);

        Assert.Equal(email.ExpectedBudget, hints.Budget is null ? null : (hints.Budget.Amount, hints.Budget.Currency));
        Assert.Equal(email.ExpectedBudgetStatus, hints.BudgetStatus);
        Assert.Equal(email.ExpectedTimeline, hints.Timeline is null ? null : (hints.Timeline.TargetDate, hints.Timeline.Timeframe));
        Assert.Equal(email.ExpectedAuthority, hints.Authority is null ? null : (hints.Authority.Role, hints.Authority.IsDecisionMaker));
        Assert.Equal(email.ExpectedNeed, hints.Need?.Level);
        AssertEvidenceIsPresentAndShort(hints);
    }

    private static void AssertEvidenceIsPresentAndShort(ExtractedHints hints)
    {
        var evidence = new[] { hints.Budget?.Evidence, hints.Timeline?.Evidence, hints.Authority?.Evidence, hints.Need?.Evidence };
        foreach (var text in evidence.OfType<string>())
        {
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.True(text.Length <= 240, $"evidence too long: {text.Length}");
        }
    }
}
