using Collaboration.Bot.Commands;
using Collaboration.Domain.Contracts;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Bot.Tests;

public sealed class ContractCommandParserTests
{
    private static readonly CommandContext Context = new(PipelineSettings.Default, new DateOnly(2027, 1, 20), []);

    [Theory]
    [InlineData("Contoso contract signed 2027-01-15 for 120000", "Contoso", "2027-01-15", 120000.0, null)]
    [InlineData("Big Deal Ltd contract signed on 2027/1/15 https://x.sharepoint.com/c.docx", "Big Deal Ltd", "2027-01-15", null, "https://x.sharepoint.com/c.docx")]
    [InlineData("Contoso contract was signed yesterday", "Contoso", "2027-01-19", null, null)]
    [InlineData("Contoso 合同已签 2027年1月15日 金额 12万", "Contoso", "2027-01-15", 120000.0, null)]
    [InlineData("Contoso合同已签署", "Contoso", "2027-01-20", null, null)]
    public void ContractSignedIsRead(string text, string deal, string date, double? value, string? link)
    {
        var command = Assert.IsType<RecordContractCommand>(CommandParser.Parse(text, Context));
        Assert.Equal((deal, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), (decimal?)value, link),
            (command.DealName, command.SignedOn!.Value, command.Value, command.Link));
    }

    [Theory]
    [InlineData("Contoso paid", null)]
    [InlineData("Contoso paid 50%", 50.0)]
    [InlineData("Contoso has paid 33.5 percent", 33.5)]
    [InlineData("Contoso 已付 50%", 50.0)]
    [InlineData("Contoso已付款百分之30", 30.0)]
    [InlineData("Contoso 已回款", null)]
    public void PaidIsRead(string text, double? percent)
    {
        var command = Assert.IsType<RecordPaymentCommand>(CommandParser.Parse(text, Context));
        Assert.Equal(("Contoso", (decimal?)percent, (string?)null), (command.DealName, command.Percent, command.PercentText));
    }

    [Theory]
    [InlineData("Contoso payment 30000 due 2027-02-01", MilestoneKind.Payment, 30000.0, "2027-02-01")]
    [InlineData("Contoso payment 30k EUR due next friday", MilestoneKind.Payment, 30000.0, "2027-01-22")]
    [InlineData("Contoso 付款 3万 到期 2027-02-01", MilestoneKind.Payment, 30000.0, "2027-02-01")]
    [InlineData("Contoso delivery due 2027-03-01", MilestoneKind.Delivery, null, "2027-03-01")]
    [InlineData("Contoso 交付 到期 2027-03-01", MilestoneKind.Delivery, null, "2027-03-01")]
    public void PlannedMilestonesAreRead(string text, MilestoneKind kind, double? amount, string due)
    {
        var command = Assert.IsType<PlanMilestoneCommand>(CommandParser.Parse(text, Context));
        Assert.Equal(("Contoso", kind, (decimal?)amount, DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture)),
            (command.DealName, command.Kind, command.Amount, command.DueOn!.Value));
    }

    [Theory]
    [InlineData("Contoso delivered")]
    [InlineData("Contoso was delivered")]
    [InlineData("Contoso 已交付")]
    public void DeliveredIsRead(string text) =>
        Assert.Equal("Contoso", Assert.IsType<RecordDeliveryCommand>(CommandParser.Parse(text, Context)).DealName);

    [Theory]
    [InlineData("Contoso next step check they paid")]
    [InlineData("rename Contoso to Contoso paid")]
    [InlineData("log call contoso: they paid")]
    [InlineData("Contoso 下一步 确认已付")]
    public void OtherCommandsEndingInTheseWordsStayTheirs(string text) =>
        Assert.IsNotAssignableFrom<ContractCommand>(CommandParser.Parse(text, Context));
}
