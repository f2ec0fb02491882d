using System.Text.Json.Nodes;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Commands;
using Collaboration.Bot.Conversation;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Bot.Tests.Samples;

namespace Collaboration.Bot.Tests;

/// <summary>A click on a card is read into the same command the rep's words become, naming the deal by id and the version the card showed.</summary>
public sealed class CardActionParserTests
{
    private static readonly JsonObject DealCard = DealCardSamples.All().Single(s => s.Name == "deal-en").Card;

    private static Task<BotCommand> Words(string text) => Task.FromResult(CommandParser.Parse(text));

    private static CardAction Click(JsonObject card, string verb, Dictionary<string, string>? inputs = null)
    {
        var data = CardReader.Action(card, verb)["data"]!.DeepClone().AsObject();
        foreach (var (key, value) in inputs ?? []) data[key] = value;
        return new CardAction(verb, data);
    }

    public static TheoryData<string, Dictionary<string, string>, string> ClicksAndTheirWords() => new()
    {
        { CardVerbs.Advance, new(), "advance contoso" },
        { CardVerbs.Move, new() { [CardData.Stage] = "proposal" }, "move contoso to proposal" },
        { CardVerbs.Log, new() { [CardData.Kind] = "Call", [CardData.Text] = "discussed pricing" }, "log call contoso: discussed pricing" },
        { CardVerbs.Won, new() { [CardData.WonAmount] = "118000" }, "won contoso 118000" },
        { CardVerbs.Lost, new() { [CardData.LossReason] = "price" }, "lost contoso price" },
    };

    [Theory, MemberData(nameof(ClicksAndTheirWords))]
    public async Task AClickIsTheCommandItsWordsBecomeWithTheDealAndVersionFromTheCard(string verb, Dictionary<string, string> inputs, string words)
    {
        var clicked = await CardActionParser.ParseAsync(Click(DealCard, verb, inputs), Words);

        var typed = Assert.IsAssignableFrom<DealCommand>(CommandParser.Parse(words));
        var data = CardReader.Action(DealCard, verb)["data"]!;
        var expected = typed with
        {
            DealName = "",
            DealId = Guid.Parse(data[CardData.DealId]!.GetValue<string>()),
            Drawn = new DrawnCard(data[CardData.Version]!.GetValue<int>(), DateTimeOffset.Parse(data[CardData.RenderedAt]!.GetValue<string>(),
                System.Globalization.CultureInfo.InvariantCulture), data[CardData.Score]!.GetValue<int>()),
        };
        Assert.Equal(expected, clicked);
    }

    [Fact]
    public async Task AChangingClickWithoutTheVersionItsCardShowedNamesNoDeal()
    {
        var click = Click(DealCard, CardVerbs.Advance);
        click.Data.Remove(CardData.Version);

        Assert.IsType<MissingDealCommand>(await CardActionParser.ParseAsync(click, Words));
    }

    [Fact]
    public async Task APickCarriesTheTypedCommandOnToThePickedDealWithoutAVersionCheck()
    {
        var pickList = DealCardSamples.All().Single(s => s.Name == "pick-list-en").Card;
        var picked = Guid.NewGuid();

        var command = await CardActionParser.ParseAsync(Click(pickList, CardVerbs.Pick, new() { [CardData.DealId] = picked.ToString() }), Words);

        var move = Assert.IsType<MoveDealCommand>(command);
        Assert.Equal(picked, move.DealId);
        Assert.Null(move.Drawn);
        Assert.Equal(Domain.Pipeline.Stage.Proposal, move.Target);
    }

    [Fact]
    public async Task AnUnknownVerbOrNoActionAsksForHelp()
    {
        Assert.IsType<HelpCommand>(await CardActionParser.ParseAsync(new CardAction("frobnicate", new JsonObject()), Words));
        Assert.IsType<HelpCommand>(await CardActionParser.ParseAsync(null, Words));
    }

    [Fact]
    public async Task TheEditFormBecomesTheTypedEditsOfTheFieldsItFilledAgainstTheCardsVersion()
    {
        var clicked = await CardActionParser.ParseAsync(Click(DealCard, CardVerbs.Edit, new()
        {
            [CardData.EditAmount] = "48000",
            [CardData.EditCurrency] = "eur",
            [CardData.EditCloseDate] = "2027-01-31",
            [CardData.EditProbability] = "60",
            [CardData.EditOwner] = "aad-priya",
        }), Words);

        var edit = Assert.IsType<EditDealCommand>(clicked);
        Assert.Equal(CardReader.Action(DealCard, CardVerbs.Edit)["data"]![CardData.Version]!.GetValue<int>(), edit.Drawn!.Version);
        Assert.Equal(
        [
            "SetAmountCommand 48000 EUR", "SetCloseDateCommand 2027-01-31", "SetProbabilityCommand 60", "AssignDealCommand aad-priya",
        ], edit.Edits.Select(Describe));
    }

    [Fact]
    public async Task AnEmptyEditFormChangesNothingButGivesTheProbabilityBackToTheStage()
    {
        var edit = Assert.IsType<EditDealCommand>(await CardActionParser.ParseAsync(Click(DealCard, CardVerbs.Edit,
            new() { [CardData.EditName] = "  ", [CardData.EditProbability] = "" }), Words));

        var only = Assert.Single(edit.Edits);
        Assert.True(Assert.IsType<SetProbabilityCommand>(only).StageDefault);
    }

    [Theory]
    [InlineData(CardData.EditProbability, "101")]
    [InlineData(CardData.EditProbability, "12.5")]
    [InlineData(CardData.EditAmount, "lots")]
    [InlineData(CardData.EditCloseDate, "someday")]
    public async Task AnUnreadableValueStaysUnreadableSoTheFormIsRefused(string input, string value)
    {
        var edit = Assert.IsType<EditDealCommand>(await CardActionParser.ParseAsync(Click(DealCard, CardVerbs.Edit, new() { [input] = value }), Words));

        Assert.Contains(edit.Edits, e => e is SetProbabilityCommand { Percent: null, StageDefault: false } or SetAmountCommand { Amount: null } or SetCloseDateCommand { CloseDate: null });
    }

    [Fact]
    public async Task AnEditWithoutAVersionNamesNoDeal()
    {
        var data = CardReader.Action(DealCard, CardVerbs.Edit)["data"]!.DeepClone().AsObject();
        data.Remove(CardData.Version);

        Assert.IsType<MissingDealCommand>(await CardActionParser.ParseAsync(new CardAction(CardVerbs.Edit, data), Words));
    }

    private static string Describe(DealCommand command) => command switch
    {
        SetAmountCommand a => $"SetAmountCommand {a.Amount} {a.Currency}",
        SetCloseDateCommand c => $"SetCloseDateCommand {c.CloseDate:yyyy-MM-dd}",
        SetProbabilityCommand p => $"SetProbabilityCommand {p.Percent}",
        AssignDealCommand o => $"AssignDealCommand {o.Assignee?.AadObjectId}",
        _ => command.GetType().Name,
    };
}
