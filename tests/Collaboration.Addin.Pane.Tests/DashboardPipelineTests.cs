using Collaboration.Application;
using Collaboration.Application.Capture;
using Collaboration.Application.DemoData;
using Collaboration.Application.Opportunities;
using Collaboration.Application.Users;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>The dashboard draws the stages of the signed-in rep's tenant, as the tenant named them, not a list of its own.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardPipelineTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en-US", "", "Inbound", "Funnel")]
    [InlineData("zh-CN", "?lang=zh", "线索", "销售漏斗")]
    public async Task AStageTheTenantRenamedShowsUnderItsNewNameInTheFunnel(string locale, string query, string stageName, string funnel)
    {
        await using var host = await AddinHost.StartAsync();
        var rep = new Actor(DemoDataSeeder.TenantId, DemoDataSeeder.DemoRepObjectId, ChangeSurface.Outlook);
        await host.Services.GetRequiredService<UserDirectory>().EnsureAsync(
            new UserProfile(rep.TenantId, rep.UserObjectId, "Alex Wilber", "alex.wilber@collaboration.demo", "en-US", "UTC"));
        await host.Services.GetRequiredService<OpportunityService>().CaptureAsync(rep,
            new CaptureRequest("Renamed stage deal") { Amount = 9_000m, CloseDate = DateOnly.FromDateTime(DateTime.UtcNow) });
        await using (var db = host.Db.Database.Open(rep.TenantId))
        {
            var tenant = await db.Tenants.SingleAsync();
            tenant.ChangePipeline(tenant.Pipeline with
            {
                Stages = tenant.Pipeline.Stages.Select(s => s.Stage == Stage.New ? s with { Name = "Inbound", NameZh = "线索" } : s).ToList(),
            });
            await db.SaveChangesAsync();
        }
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale });
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(host.BaseAddress, "/dashboard" + query).ToString());

        await Expect(page.Locator("#conversion h2")).ToContainTextAsync(funnel);
        await Expect(page.Locator("#conversion tbody td:first-child")).ToHaveTextAsync([stageName]);
        await Expect(page.Locator("#conversion svg text.label")).ToHaveTextAsync([stageName]);
    }
}
