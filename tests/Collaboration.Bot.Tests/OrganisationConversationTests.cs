using System.Text.Json.Nodes;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Testing.Node;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Bot.Tests;

/// <summary>"my team", "who is my manager" and "settings" in whole conversations on the real host and a real SQLite database.</summary>
public sealed class OrganisationConversationTests
{
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");
    private static readonly TestUser Megan = new("aad-megan", "Megan *Bowen*");
    private static readonly TestUser Li = new("aad-li", "李雷", Locale: "zh-CN");
    private static readonly TestUser Wang = new("aad-wang", "王芳", Locale: "zh-CN");
    private const string TeamsAppId = "5b3f2c1e-8a7d-4e6f-9b0a-1c2d3e4f5a6b";

    internal static async Task PlaceAsync(BotConversationHost host, string objectId, string? team, string? manager, string? email = null, bool admin = false)
    {
        await using var db = host.Db.Database.Open("tenant-a");
        var user = await db.Users.SingleAsync(u => u.ObjectId == objectId);
        user.PlaceInTeam(team, manager);
        if (email is not null) user.UpdateProfile(user.DisplayName, email, null, null);
        if (admin) user.SetAdmin(true);
        await db.SaveChangesAsync();
    }

    private static IEnumerable<JsonObject> OpenUrls(JsonObject card) =>
        CardReader.Walk(card).Where(o => o["type"]?.GetValue<string>() == "Action.OpenUrl");

    [Fact]
    public async Task AManagerSeesTheirDirectReportsWithOpenDealsAndWeightedPipelineWhileARepSeesTeamAndManager()
    {
        await using var host = await BotConversationHost.StartAsync();
        foreach (var user in new[] { Alex, Megan, Li, Wang }) await host.SayAsync(user, "help");
        await host.SayAsync(Megan, "new deal Contoso 50k close 2026-12-15");
        await host.SayAsync(Megan, "new deal Fabrikam 20k close 2026-12-20");
        await host.SayAsync(Megan, "fabrikam probability 60");
        await host.SayAsync(Li, "新商机 华为 10万 成交 2026-12-30");
        await PlaceAsync(host, Alex.ObjectId, null, null, email: "alex@contoso.example");
        await PlaceAsync(host, Megan.ObjectId, "East <Sales>", Alex.ObjectId);
        await PlaceAsync(host, Li.ObjectId, "East <Sales>", Alex.ObjectId);
        await PlaceAsync(host, Wang.ObjectId, "West", Li.ObjectId);

        var managerCard = Assert.Single(await host.SayAsync(Alex, "my team"));
        var repCard = Assert.Single(await host.SayAsync(Megan, "My Team"));
        var chineseCard = Assert.Single(await host.SayAsync(Li, "我的团队"));

        await using (var db = host.Db.Database.Open("tenant-a"))
        {
            var open = await db.Opportunities.AsNoTracking().Where(o => o.Stage != Domain.Pipeline.Stage.Won && o.Stage != Domain.Pipeline.Stage.Lost).ToListAsync();
            foreach (var (owner, name) in new[] { (Megan.ObjectId, @"Megan \*Bowen\*"), (Li.ObjectId, "李雷") })
            {
                var deals = open.Where(o => o.OwnerId == owner).ToList();
                var weighted = deals.Sum(o => o.Amount!.Value * o.Probability / 100m);
                var currency = Assert.Single(deals.Select(d => d.Currency).Distinct());
                Assert.Equal($"{deals.Count} open deals · {Money(weighted)} {currency} weighted", FactLine(managerCard, name));
            }
        }
        Assert.Contains("Your direct reports", CardReader.Text(managerCard));
        Assert.Contains("No team set", CardReader.Text(managerCard));
        Assert.DoesNotContain("王芳", CardReader.Text(managerCard));

        var rep = CardReader.Text(repCard);
        Assert.Contains(@"East \<Sales\>", rep);
        Assert.Contains("Alex Wilber · alex@contoso.example", rep);
        Assert.Contains("Team members (2)", rep);
        Assert.Contains("李雷", rep);
        Assert.DoesNotContain("Your direct reports", rep);
        Assert.DoesNotContain("East <Sales>", rep);

        var chinese = CardReader.Text(chineseCard);
        Assert.Contains("您在组织中的位置", chinese);
        Assert.Contains("团队成员（2）", chinese);
        Assert.Contains("您的直接下属", chinese);
        Assert.Contains("王芳", chinese);
        Assert.Contains("0 个未关闭商机", chinese);
        await CardValidator.EnsureValidAsync(managerCard);
        await CardValidator.EnsureValidAsync(chineseCard);
    }

    [Fact]
    public async Task WhoIsMyManagerNamesTheManagerAndEmailOrSaysNoneIsSetAndWhoSetsIt()
    {
        await using var host = await BotConversationHost.StartAsync();
        foreach (var user in new[] { Alex, Megan, Li, Wang }) await host.SayAsync(user, "help");
        await PlaceAsync(host, Alex.ObjectId, null, null, email: "alex@contoso.example");
        await PlaceAsync(host, Megan.ObjectId, "East", Alex.ObjectId);
        await PlaceAsync(host, Li.ObjectId, "East", Alex.ObjectId);
        await PlaceAsync(host, Wang.ObjectId, "East", "aad-not-yet-seen");

        var megans = CardReader.Text(Assert.Single(await host.SayAsync(Megan, "who is my manager?")));
        var alexs = CardReader.Text(Assert.Single(await host.SayAsync(Alex, "Who's my manager")));
        var lis = CardReader.Text(Assert.Single(await host.SayAsync(Li, "我的经理是谁？")));
        var wangs = CardReader.Text(Assert.Single(await host.SayAsync(Wang, "我的上级是谁")));

        Assert.Contains("Alex Wilber", megans);
        Assert.Contains("alex@contoso.example", megans);
        Assert.Contains("No manager is set for you in the CRM.", alexs);
        Assert.Contains("Admins set teams and managers in Settings.", alexs);
        Assert.Contains("您的经理", lis);
        Assert.Contains("Alex Wilber", lis);
        Assert.Contains("邮箱", lis);
        Assert.Contains("还没有使用过 CRM", wangs);
        Assert.Contains("aad-not-yet-seen", wangs);
    }

    [Fact]
    public async Task AnAdminGetsACardOpeningTheSettingsTabAndARepIsToldWhoCanChangeSettings()
    {
        await using var host = await BotConversationHost.StartAsync(settings: new Dictionary<string, string?> { ["Teams:AppId"] = TeamsAppId });
        foreach (var user in new[] { Alex, Megan, Li, Wang }) await host.SayAsync(user, "help");
        await PlaceAsync(host, Alex.ObjectId, "East", null, admin: true);
        await PlaceAsync(host, Li.ObjectId, "East", Alex.ObjectId, admin: true);

        var admin = Assert.Single(await host.SayAsync(Alex, "settings"));
        var chineseAdmin = Assert.Single(await host.SayAsync(Li, "设置"));
        var rep = Assert.Single(await host.SayAsync(Megan, "Settings"));
        var chineseRep = Assert.Single(await host.SayAsync(Wang, "设置"));

        var link = $"https://teams.microsoft.com/l/entity/{TeamsAppId}/settings";
        Assert.Equal(link, Assert.Single(OpenUrls(admin))["url"]!.GetValue<string>());
        Assert.Equal("Open Settings", Assert.Single(OpenUrls(admin))["title"]!.GetValue<string>());
        Assert.Equal(link, Assert.Single(OpenUrls(chineseAdmin))["url"]!.GetValue<string>());
        Assert.Equal("打开设置", Assert.Single(OpenUrls(chineseAdmin))["title"]!.GetValue<string>());
        Assert.Empty(OpenUrls(rep));
        Assert.Empty(OpenUrls(chineseRep));
        Assert.Contains("Only admins can change settings", CardReader.Text(rep));
        Assert.Contains("Ask an admin: Alex Wilber, 李雷.", CardReader.Text(rep));
        Assert.Contains("只有管理员可以更改设置", CardReader.Text(chineseRep));
        Assert.Contains("请联系管理员：Alex Wilber、李雷。", CardReader.Text(chineseRep));
        foreach (var card in new[] { admin, chineseAdmin, rep, chineseRep }) await CardValidator.EnsureValidAsync(card);
    }

    [Fact]
    public async Task WithoutTheTeamsAppIdTheSettingsCardOpensTheAddinsSettingsPageAndWithNeitherItSaysWhereTheTabIs()
    {
        await using (var host = await BotConversationHost.StartAsync(settings: new Dictionary<string, string?> { ["Addin:BaseUrl"] = "https://crm.contoso.example/" }))
        {
            await host.SayAsync(Alex, "help");
            await PlaceAsync(host, Alex.ObjectId, null, null, admin: true);
            var card = Assert.Single(await host.SayAsync(Alex, "settings"));
            Assert.Equal("https://crm.contoso.example/settings", Assert.Single(OpenUrls(card))["url"]!.GetValue<string>());
        }
        await using (var host = await BotConversationHost.StartAsync(settings: new Dictionary<string, string?> { ["Teams:AppId"] = "not-a-guid/../x" }))
        {
            await host.SayAsync(Alex, "help");
            await PlaceAsync(host, Alex.ObjectId, null, null, admin: true);
            var card = Assert.Single(await host.SayAsync(Alex, "settings"));
            Assert.Empty(OpenUrls(card));
            Assert.Contains("Open the Settings tab of the Collaboration app in Teams.", CardReader.Text(card));
            var nobody = Assert.Single(await host.SayAsync(Megan, "settings"));
            Assert.Contains("Ask an admin: Alex Wilber.", CardReader.Text(nobody));
        }
    }

    [Fact]
    public async Task ARepIsToldHowAdminsAreMadeWhenTheTenantHasNone()
    {
        await using var host = await BotConversationHost.StartAsync();
        var card = CardReader.Text(Assert.Single(await host.SayAsync(Megan, "settings")));
        Assert.Contains("No admin is set up yet", card);
        Assert.Contains("Crm.Admin", card);
    }

    internal static string FactLine(JsonObject card, string title) =>
        CardReader.Walk(card).Where(o => o["title"]?.GetValue<string>() == title && o["value"] is not null).Select(o => o["value"]!.GetValue<string>()).Single();

    internal static string Money(decimal value) =>
        value.ToString(value == decimal.Truncate(value) ? "N0" : "N2", System.Globalization.CultureInfo.InvariantCulture);
}
