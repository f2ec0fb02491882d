using Collaboration.Application;
using Collaboration.Application.Administration;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Bot.Tests;

/// <summary>What an admin sets up in Settings (the pipeline, teams and managers) is what the bot shows next, without a restart.</summary>
public sealed class SettingsReachTheChatTests
{
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");
    private static readonly TestUser Li = new("aad-li", "李雷", Locale: "zh-CN");

    [Fact]
    public async Task AStageRenamedInSettingsShowsAtOnceOnTheDealCardsInEnglishAndChinese()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso");
        var before = CardReader.Text((await host.SayAsync(Alex, "show Contoso"))[0]);
        Assert.Contains("New", before);

        var admin = new PipelineAdministration(host.Db.Database, TimeProvider.System);
        var actor = new Actor("tenant-a", "aad-admin", ChangeSurface.Api);
        var pipeline = await admin.GetAsync(actor);
        var renamed = pipeline with
        {
            Stages = pipeline.Stages.Select(s => s.Stage == Stage.New ? s with { Name = "Inbox <lead>", NameZh = "线索池" } : s).ToList(),
        };
        await admin.ChangeAsync(actor, renamed, pipeline.Version);

        var english = CardReader.Text((await host.SayAsync(Alex, "show Contoso"))[0]);
        // The new name is tenant text: escaped for Teams' markdown, so it reads "Inbox <lead>".
        Assert.Contains("Stage\nInbox \\<lead\\>\n", english);
        Assert.DoesNotContain("\nNew\n", "\n" + english + "\n");

        await host.SayAsync(Li, "新商机 华辰科技");
        var chinese = CardReader.Text((await host.SayAsync(Li, "查看 华辰科技"))[0]);
        Assert.Contains("线索池", chinese);
        Assert.DoesNotContain("新建", chinese);
    }

    [Fact]
    public async Task AManagerPlacedInSettingsSeesTheirRepsDealsInTheChat()
    {
        var megan = new TestUser("aad-megan", "Megan Bowen");
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(megan, "help");
        await host.SayAsync(Alex, "new deal Contoso 120k");
        Assert.Contains("I found no deal matching \"contoso\"", CardReader.Text(Assert.Single(await host.SayAsync(megan, "show contoso"))));

        var people = host.Services.GetRequiredService<PeopleAdministration>();
        var admin = new Actor("tenant-a", "aad-admin", ChangeSurface.Api);
        await people.ChangeAsync(admin, "aad-megan", new PersonChange(Team: "East"));
        await people.ChangeAsync(admin, "aad-alex", new PersonChange(Team: "East", ManagerObjectId: "aad-megan"));

        var card = CardReader.Text(Assert.Single(await host.SayAsync(megan, "show contoso")));
        Assert.Contains("Contoso", card);
        Assert.Contains("120,000", card);
        Assert.Contains("Alex Wilber", CardReader.Text((await host.SayAsync(megan, "my team"))[0]));
    }
}
