using System.Text.Json.Nodes;
using Collaboration.Testing.Node;

namespace Collaboration.Bot.Cards.Tests;

public sealed class CardValidatorTests
{
    private static JsonObject TeamsCard() => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = "**Contoso** renewal", ["wrap"] = true, ["weight"] = "Bolder" },
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray
                {
                    new JsonObject { ["title"] = "Stage", ["value"] = "Qualify" },
                    new JsonObject { ["title"] = "Amount", ["value"] = "$12,000" },
                },
            },
            new JsonObject
            {
                ["type"] = "ColumnSet",
                ["columns"] = new JsonArray
                {
                    new JsonObject { ["type"] = "Column", ["width"] = "auto", ["items"] = new JsonArray { new JsonObject { ["type"] = "TextBlock", ["text"] = "Owner" } } },
                    new JsonObject { ["type"] = "Column", ["width"] = "stretch", ["items"] = new JsonArray { new JsonObject { ["type"] = "TextBlock", ["text"] = "Alex" } } },
                },
            },
            new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["id"] = "stage",
                ["label"] = "Next stage",
                ["value"] = "develop",
                ["choices"] = new JsonArray
                {
                    new JsonObject { ["title"] = "Develop", ["value"] = "develop" },
                    new JsonObject { ["title"] = "Lost", ["value"] = "lost" },
                },
            },
        },
        ["actions"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = "Advance",
                ["verb"] = "advance",
                ["data"] = new JsonObject { ["dealId"] = "42" },
                ["fallback"] = new JsonObject
                {
                    ["type"] = "Action.Submit",
                    ["title"] = "Advance",
                    ["data"] = new JsonObject { ["dealId"] = "42", ["verb"] = "advance" },
                },
            },
        },
    };

    [Fact]
    public async Task AcceptsATeamsCardWithExecuteFactSetColumnsAndChoices()
    {
        var problems = await CardValidator.ValidateAsync(TeamsCard());

        Assert.Empty(problems);
    }

    [Fact]
    public async Task AcceptsCardsGivenAsJsonTextOrAnonymousObjects()
    {
        var results = await CardValidator.ValidateAsync(
        [
            ("text", TeamsCard().ToJsonString()),
            ("anonymous", new { type = "AdaptiveCard", version = "1.5", body = new[] { new { type = "TextBlock", text = "Hi" } } }),
        ]);

        Assert.All(results, r => Assert.True(r.IsValid, $"{r.Name}: {string.Join("; ", r.Problems)}"));
        Assert.Equal(["text", "anonymous"], results.Select(r => r.Name));
    }

    [Fact]
    public async Task ReportsAnUnknownElementType()
    {
        var card = TeamsCard();
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "Carousel3D", ["text"] = "spin" });

        var problem = Assert.Single(await CardValidator.ValidateAsync(card));

        Assert.Equal("UnknownElementType", problem.Event);
        Assert.Contains("Carousel3D", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsAnUnknownActionType()
    {
        var card = TeamsCard();
        card["actions"]!.AsArray().Add(new JsonObject { ["type"] = "Action.Teleport", ["title"] = "Go" });

        Assert.Contains(await CardValidator.ValidateAsync(card), p => p.Event == "UnknownActionType");
    }

    [Theory]
    [InlineData("TextBlock", "text")]
    [InlineData("Input.ChoiceSet", "id")]
    [InlineData("AdaptiveCard", "version")]
    public async Task ReportsAMissingRequiredProperty(string type, string property)
    {
        var card = TeamsCard();
        var target = type == "AdaptiveCard" ? card : card["body"]!.AsArray().OfType<JsonObject>().First(e => (string?)e["type"] == type);
        target.Remove(property);

        var problems = await CardValidator.ValidateAsync(card);

        var problem = Assert.Single(problems);
        Assert.Equal("PropertyCantBeNull", problem.Event);
        Assert.Equal("error", problem.Severity);
    }

    [Fact]
    public async Task ReportsAFactWithoutValue()
    {
        var card = TeamsCard();
        card["body"]![1]!["facts"]![0]!.AsObject().Remove("value");

        var problem = Assert.Single(await CardValidator.ValidateAsync(card));

        Assert.Equal("PropertyCantBeNull", problem.Event);
        Assert.Contains("value", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("2.0")]
    [InlineData("one point five")]
    public async Task ReportsAVersionTeamsDoesNotRender(string version)
    {
        var card = TeamsCard();
        card["version"] = version;

        Assert.Contains(await CardValidator.ValidateAsync(card), p => p.Event == "UnsupportedCardVersion");
    }

    [Fact]
    public async Task ReportsAnInvalidPropertyValue()
    {
        var card = TeamsCard();
        card["body"]![0]!["weight"] = "Heavy";

        var problem = Assert.Single(await CardValidator.ValidateAsync(card));

        Assert.Equal("InvalidPropertyValue", problem.Event);
    }

    [Fact]
    public async Task ReportsWarningsToo()
    {
        var card = TeamsCard();
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "Input.Text", ["id"] = "comment", ["isRequired"] = true });

        var problems = await CardValidator.ValidateAsync(card);

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal("warning", p.Severity));
        Assert.Contains(problems, p => p.Event == "RequiredInputsShouldHaveLabel" && p.Source == "Input.Text#comment");
    }

    [Fact]
    public async Task EnsureValidListsEveryProblem()
    {
        var card = TeamsCard();
        card["version"] = "1.6";
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "Bogus" });

        var error = await Assert.ThrowsAsync<CardValidationException>(() => CardValidator.EnsureValidAsync(card));

        Assert.Contains("UnsupportedCardVersion", error.Message, StringComparison.Ordinal);
        Assert.Contains("UnknownElementType", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptsTeamsPeoplePickerButStillRefusesAnEmptyChoiceSetOfAnyOtherKind()
    {
        JsonObject Picker(string dataset) => new()
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = "owner",
            ["label"] = "Owner",
            ["choices"] = new JsonArray(),
            ["choices.data"] = new JsonObject { ["type"] = "Data.Query", ["dataset"] = dataset },
        };
        var picker = TeamsCard();
        picker["body"]!.AsArray().Add(Picker("graph.microsoft.com/users"));
        var other = TeamsCard();
        other["body"]!.AsArray().Add(Picker("example.com/things"));
        var plain = TeamsCard();
        plain["body"]!.AsArray().Add(new JsonObject { ["type"] = "Input.ChoiceSet", ["id"] = "owner", ["label"] = "Owner", ["choices"] = new JsonArray() });

        Assert.Empty(await CardValidator.ValidateAsync(picker));
        Assert.Contains(await CardValidator.ValidateAsync(other), p => p.Event == "UnsupportedProperty");
        Assert.Contains(await CardValidator.ValidateAsync(plain), p => p.Event == "CollectionCantBeEmpty");
    }
}
