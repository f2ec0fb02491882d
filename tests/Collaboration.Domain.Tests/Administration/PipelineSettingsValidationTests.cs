using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;
using Collaboration.Domain.Tenants;

namespace Collaboration.Domain.Tests.Administration;

public class PipelineSettingsValidationTests
{
    [Fact]
    public void EveryProblemIsNamedByItsField()
    {
        var pipeline = PipelineSettings.Default;
        var stages = pipeline.Stages.ToList();
        stages[3] = stages[3] with { Probability = 140, NameZh = " " };
        stages[6] = stages[6] with { ForecastCategory = ForecastCategory.Commit };
        var broken = pipeline with
        {
            Stages = stages,
            QualificationThreshold = -1,
            Weights = new BantWeights(50, 50, 50, 0),
            DefaultCurrency = "usd1",
            LossReasons = ["price", "Price"],
        };
        var tenant = new Tenant("t", "T");
        var error = Assert.Throws<InvalidFieldsException>(() => tenant.ChangePipeline(broken));
        Assert.Equal("invalid_pipeline", error.Error.Code);
        Assert.Equal(
            ["bantWeights", "defaultCurrency", "lossReasons[1].key", "qualificationThreshold", "stages[3].name.zh", "stages[3].probability", "stages[6].forecastCategory"],
            error.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.Equal(1, tenant.Pipeline.Version);
    }

    [Fact]
    public void EverySavedChangeCountsTheVersionUp()
    {
        var tenant = new Tenant("t", "T");
        var renamed = tenant.Pipeline.Stages.Select(s => s.Stage == Stage.Proposal ? s with { Name = "Offer", NameZh = "报价" } : s).ToList();
        tenant.ChangePipeline(tenant.Pipeline with { Stages = renamed });
        tenant.ChangePipeline(tenant.Pipeline with { DefaultCurrency = "EUR" });
        Assert.Equal(3, tenant.Pipeline.Version);
        Assert.Equal("报价", tenant.Pipeline.For(Stage.Proposal).DisplayName("zh-CN"));
    }

    [Fact]
    public void ALossReasonIsFoundByItsKeyOrItsNameInEitherLanguage()
    {
        var pipeline = PipelineSettings.Default;
        Assert.Equal("no budget", pipeline.MatchLossReason("没有预算"));
        Assert.Equal("no budget", pipeline.MatchLossReason("No Budget"));
        Assert.Null(pipeline.MatchLossReason("weather"));
    }
}
