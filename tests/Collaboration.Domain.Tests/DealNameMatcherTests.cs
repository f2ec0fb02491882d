using Collaboration.Domain.Opportunities;

namespace Collaboration.Domain.Tests;

public class DealNameMatcherTests
{
    private static readonly DealCandidate Contoso = new(Guid.NewGuid(), "Contoso Ltd – 50 seats", "Contoso", true);
    private static readonly DealCandidate ContosoRenewal = new(Guid.NewGuid(), "Contoso renewal 2027", "Contoso", true);
    private static readonly DealCandidate Fabrikam = new(Guid.NewGuid(), "Fabrikam CRM rollout", "Fabrikam", true);
    private static readonly DealCandidate Chinese = new(Guid.NewGuid(), "华为云 – 年度采购", "华为", true);

    [Fact]
    public void AFirstWordFindsTheDeal()
    {
        var match = DealNameMatcher.Match("fabrikam", [Contoso, Fabrikam, Chinese]);
        Assert.Equal(Fabrikam, match.Single);
    }

    [Fact]
    public void ContosoFindsContosoLtdWhenItIsTheOnlyOne()
    {
        Assert.Equal(Contoso, DealNameMatcher.Match("contoso", [Contoso, Fabrikam]).Single);
    }

    [Fact]
    public void TwoEquallyGoodMatchesAreReportedNotGuessed()
    {
        var match = DealNameMatcher.Match("contoso", [Contoso, ContosoRenewal, Fabrikam]);
        Assert.Equal(DealMatchOutcome.Ambiguous, match.Outcome);
        Assert.Equal(2, match.Candidates.Count);
        Assert.Null(match.Single);
    }

    [Fact]
    public void MoreWordsResolveTheAmbiguity()
    {
        Assert.Equal(ContosoRenewal, DealNameMatcher.Match("contoso renewal", [Contoso, ContosoRenewal]).Single);
    }

    [Fact]
    public void ChineseNamesMatchBySubstring()
    {
        Assert.Equal(Chinese, DealNameMatcher.Match("华为", [Contoso, Chinese]).Single);
    }

    [Fact]
    public void OneTypoStillFindsTheDeal()
    {
        Assert.Equal(Fabrikam, DealNameMatcher.Match("fabrikm", [Contoso, Fabrikam]).Single);
    }

    [Fact]
    public void AnOpenDealBeatsAClosedOneWithTheSameName()
    {
        var closed = Contoso with { Id = Guid.NewGuid(), IsOpen = false };
        Assert.Equal(Contoso, DealNameMatcher.Match("contoso ltd", [closed, Contoso]).Single);
    }

    [Fact]
    public void NothingMatchingIsNone()
    {
        Assert.Equal(DealMatchOutcome.None, DealNameMatcher.Match("northwind", [Contoso, Fabrikam]).Outcome);
        Assert.Equal(DealMatchOutcome.None, DealNameMatcher.Match("   ", [Contoso]).Outcome);
    }
}
