using Collaboration.Application;
using Collaboration.Application.Capture;
using Collaboration.Application.DemoData;
using Collaboration.Application.Opportunities;
using Collaboration.Application.Users;
using Collaboration.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>The deal page Teams unfurls deal links from (/deals/{id}): the deal for a rep who may see it, and nothing for anyone else.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DealPageTests(BrowserFixture browser)
{
    private const string HostileName = "<img src=x onerror=alert(1)> Contoso – 80 seats";

    [Theory]
    [InlineData("en-US", "", "Stage", "Amount", "48,000 EUR")]
    [InlineData("zh-CN", "?lang=zh", "阶段", "金额", "48,000 EUR")]
    public async Task ARepWhoMaySeeTheDealSeesItsFactsWithItsNameAsText(string locale, string query, string stage, string amount, string money)
    {
        await using var host = await AddinHost.StartAsync();
        var id = await CreateDealAsync(host);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) errors.Add(message.Text); };
        // Every file and call of the page answers (the browser's own favicon request aside).
        page.Response += (_, r) => { if (r.Status >= 400 && !r.Url.EndsWith("/favicon.ico", StringComparison.Ordinal)) errors.Add($"{r.Status} {r.Url}"); };

        var response = await page.GotoAsync(new Uri(host.BaseAddress, $"/deals/{id}{query}").ToString());

        Assert.Equal(200, response!.Status);
        await Expect(page.Locator("#deal-name")).ToHaveTextAsync(HostileName);
        await Expect(page.Locator("#facts dt")).ToContainTextAsync([stage, amount]);
        await Expect(page.Locator("#facts dd").Nth(2)).ToHaveTextAsync(money);
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task SomeoneWhoMayNotSeeTheDealIsToldSoAndSeesNothingOfIt()
    {
        await using var host = await AddinHost.StartAsync();
        var id = await CreateDealAsync(host);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Dev-User"] = "00000000-0000-0000-0000-0000000000099", ["X-Dev-Name"] = "Outsider" },
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(host.BaseAddress, $"/deals/{id}").ToString());

        await Expect(page.Locator("#status")).ToHaveTextAsync("You can't see this deal, or it does not exist.");
        await Expect(page.Locator("#deal-name")).ToBeEmptyAsync();
        Assert.Equal(0, await page.Locator("#facts dt").CountAsync());
        var notADeal = await page.GotoAsync(new Uri(host.BaseAddress, "/deals/not-a-deal").ToString());
        Assert.Equal(404, notADeal!.Status);
    }

    private static async Task<Guid> CreateDealAsync(AddinHost host)
    {
        var rep = new Actor(DemoDataSeeder.TenantId, DemoDataSeeder.DemoRepObjectId, ChangeSurface.Outlook);
        await host.Services.GetRequiredService<UserDirectory>().EnsureAsync(
            new UserProfile(rep.TenantId, rep.UserObjectId, "Alex Wilber", "alex.wilber@collaboration.demo", "en-US", "UTC"));
        var deal = await host.Services.GetRequiredService<OpportunityService>().CaptureAsync(rep,
            new CaptureRequest(HostileName) { Amount = 48_000m, Currency = "EUR" });
        return deal.Id;
    }
}
