using Collaboration.Bot.Organisation;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Bot.Tests.Samples;
using Collaboration.Testing.Node;

namespace Collaboration.Bot.Tests;

public sealed class OrganisationCardsTests
{
    [Fact]
    public async Task EveryOrganisationAndQuotaCardPassesTheOfficialParser()
    {
        var samples = OrganisationCardSamples.All();

        var results = await CardValidator.ValidateAsync(samples.Select(s => (s.Name, (object)s.Card)));

        Assert.All(results, r => Assert.True(r.IsValid, $"{r.Name}: {string.Join("; ", r.Problems)}"));
        Assert.Equal(22, results.Count);
    }

    [Fact]
    public void TeamNamesAndPeoplesNamesNeverBecomeFormattingLinksOrMentions()
    {
        foreach (var (name, card) in OrganisationCardSamples.All().Concat(ReportCardSamples.All().Where(s => s.Name.StartsWith("digest", StringComparison.Ordinal))))
        {
            var text = CardReader.Text(card);
            Assert.DoesNotContain("**Bold**", text);
            Assert.DoesNotContain("[x](", text);
            Assert.DoesNotContain("<at>", text);
            Assert.False(text.Contains("{{DATE", StringComparison.Ordinal), name + ": " + text);
            Assert.True(card.ToJsonString().Length < 60_000, name);
        }
        var team = CardReader.Text(OrganisationCardSamples.All().Single(s => s.Name == "my-team-manager-en").Card);
        Assert.Contains(@"\*\*Bold\*\* \[x\]\(https://evil.example\) \<at\>Boss\</at\>", team);
    }

    [Fact]
    public void TheManagersCardShowsEachReportsOpenPipelineAndMarksInactivePeople()
    {
        var card = OrganisationCardSamples.All().Single(s => s.Name == "my-team-manager-en").Card;
        var text = CardReader.Text(card);

        Assert.Contains("3 open deals · 42,000 USD + 100,000.50 CNY weighted", text);
        Assert.Contains("(inactive)", text);
        Assert.Contains("Team members (30)", text);
        Assert.Contains("and 27 more", text);
    }

    [Fact]
    public void AQuotaCardChartsEachQuotaAndSaysWhenOneIsReached()
    {
        var card = OrganisationCardSamples.All().Single(s => s.Name == "quota-en").Card;
        var text = CardReader.Text(card);
        var image = CardReader.Walk(card).Single(o => o["type"]?.GetValue<string>() == "Image");

        Assert.StartsWith("data:image/png;base64,", image["url"]!.GetValue<string>());
        Assert.Contains("50,000 USD won of 200,000 USD (25%); open weighted 90,000 USD covers 60% of the remaining 150,000 USD (4 open deals)", text);
        Assert.Contains("950,000 USD won of 900,000 USD (106%); quota reached", text);
        Assert.Contains("You · 2027-Q1", text);
        Assert.Contains("0 CNY won of 0 CNY (—)", text);
        Assert.Contains("No quota is set for this period.", CardReader.Text(OrganisationCardSamples.All().Single(s => s.Name == "quota-none-en").Card));
    }

    [Theory]
    [InlineData("5b3f2c1e-8a7d-4e6f-9b0a-1c2d3e4f5a6b", null, "https://teams.microsoft.com/l/entity/5b3f2c1e-8a7d-4e6f-9b0a-1c2d3e4f5a6b/settings")]
    [InlineData("{5B3F2C1E-8A7D-4E6F-9B0A-1C2D3E4F5A6B}", "https://crm.example", "https://teams.microsoft.com/l/entity/5b3f2c1e-8a7d-4e6f-9b0a-1c2d3e4f5a6b/settings")]
    [InlineData(null, "https://crm.contoso.example/", "https://crm.contoso.example/settings")]
    [InlineData("", "https://crm.contoso.example/app", "https://crm.contoso.example/app/settings")]
    [InlineData("x/../../evil", "javascript:alert(1)", null)]
    [InlineData(null, "https://crm.contoso.example/?next=https://evil.example", null)]
    [InlineData(null, null, null)]
    public void TheSettingsLinkIsATeamsDeepLinkOrTheAddinsPageBuiltOnlyFromWellFormedSettings(string? appId, string? addin, string? expected) =>
        Assert.Equal(expected, new SettingsLinkOptions(appId, addin).Link()?.AbsoluteUri);
}
