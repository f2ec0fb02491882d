using Collaboration.Application.Administration;
using Collaboration.Domain.Nurture;

namespace Collaboration.Application.Tests.Administration;

public class FollowUpTemplatesTests
{
    private static readonly TemplateValues Values = new("Mei", "Acme rollout", "Ann");

    [Fact]
    public void PlaceholdersRenderInLiquidAndInTheOlderSingleBraceForm()
    {
        Assert.True(FollowUpTemplates.TryRender("Hi {{ contact }}, about {deal} — {{ rep | upcase }}", Values, out var text, out _));
        Assert.Equal("Hi Mei, about Acme rollout — ANN", text);
    }

    [Theory]
    [InlineData("{% for i in (1..100000000) %}x{% endfor %}")]
    [InlineData("{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}")]
    [InlineData("{% if %}")]
    [InlineData("{{ contact ")]
    [InlineData("{% include 'secrets' %}")]
    public void ARunawayOrBrokenTemplateIsRefusedQuickly(string template)
    {
        var started = DateTime.UtcNow;
        var rendered = FollowUpTemplates.TryRender(template, Values, out var text, out var error);
        Assert.True(!rendered || text.Length <= 20_000, $"{text.Length} characters");
        if (!rendered) Assert.False(string.IsNullOrEmpty(error));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void AnEmailStepIsPreviewedInTheRepsLanguageFallingBackToEnglish()
    {
        var step = new FollowUpStep(0, "hello", FollowUpStepKind.Email, "Hello {{ contact }}", "About {{ deal }}") { SubjectZh = "{{ contact }}，您好" };
        var zh = NurtureAdministration.Preview(step, "zh-CN", Values);
        Assert.Equal(("Mei，您好", "About Acme rollout"), (zh.Subject, zh.Body));
    }

    [Fact]
    public void NurtureRulesNameEachBadFieldIncludingTemplates()
    {
        var rules = NurtureRules.Default with
        {
            UntouchedDays = new Dictionary<Domain.Pipeline.Stage, int> { [Domain.Pipeline.Stage.Won] = 3, [Domain.Pipeline.Stage.New] = 0 },
            Plans = [new FollowUpPlan("p", [new FollowUpStep(-1, "x", FollowUpStepKind.Email, "{% if %}", "")])],
            AutoEnrolPlanOnNurture = "missing",
        };
        var fields = rules.Validate().Concat(FollowUpTemplates.Problems(rules)).Select(p => p.Field).Order(StringComparer.Ordinal);
        Assert.Equal(["autoEnrolPlan", "plans[0].steps[0].body.en", "plans[0].steps[0].day", "plans[0].steps[0].subject.en", "untouchedDays.new", "untouchedDays.won"], fields);
    }
}
