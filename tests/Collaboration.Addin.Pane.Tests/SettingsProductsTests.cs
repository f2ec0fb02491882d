using System.Net;
using System.Text.RegularExpressions;
using Collaboration.Application.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>Settings › Products: an admin adds, reprices, deactivates and imports products; a rep gets neither the section nor the API.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SettingsProductsTests(BrowserFixture browser)
{
    private static ILocator Cell(SettingsPage settings, string label) => settings.Field(settings.Section("products"), label);

    [Fact]
    public async Task AnAdminAddsRepricesAndDeactivatesProductsAndAHostileNameStaysText()
    {
        await using var host = await AddinHost.StartAsync();
        await using var settings = await SettingsPage.OpenAsync(browser, host);
        await settings.ReadyAsync();
        var products = settings.Section("products");
        await Expect(products.Locator("h2")).ToHaveTextAsync("Products");

        await settings.Button(products, "Add product").ClickAsync();
        await Cell(settings, "Code 1").FillAsync("pro");
        await Cell(settings, "Name 1").FillAsync(QuotePaneTests.Hostile);
        await Cell(settings, "Unit 1").FillAsync("seat");
        await Cell(settings, "Prices 1").FillAsync("USD 100; EUR 92.5");
        await settings.Button(products, "Add product").ClickAsync();
        await Cell(settings, "Code 2").FillAsync("SETUP");
        await Cell(settings, "Name 2").FillAsync("Setup");
        await Cell(settings, "Prices 2").FillAsync("a hundred dollars");
        await settings.Button(products, "Save products").ClickAsync();
        await Expect(products.Locator(".problem[data-problem-for='[1].prices']")).ToContainTextAsync("USD 100; EUR 92");
        await Cell(settings, "Prices 2").FillAsync("USD 500");
        await settings.Button(products, "Save products").ClickAsync();
        await Expect(settings.Status("products")).ToHaveTextAsync("Products saved.");
        await Expect(Cell(settings, "Name 1")).ToHaveValueAsync(QuotePaneTests.Hostile);
        await Expect(Cell(settings, "Code 1")).ToHaveValueAsync("PRO");

        await Cell(settings, "Prices 1").FillAsync("USD 120; EUR 110");
        await Cell(settings, "Active 2").UncheckAsync();
        await settings.Button(products, "Save products").ClickAsync();
        await Expect(settings.Status("products")).ToHaveTextAsync("Products saved.");

        await using var db = host.Db.Database.Open(DemoDataSeeder.TenantId);
        var saved = await db.Products.AsNoTracking().OrderBy(p => p.Code).ToListAsync();
        Assert.Equal(["PRO", "SETUP"], saved.Select(p => p.Code));
        Assert.Equal((120m, 110m), (saved[0].PriceIn("USD"), saved[0].PriceIn("EUR")));
        Assert.False(saved[1].Active);
        Assert.Equal(0, await settings.Page.Locator("img").CountAsync());
        Assert.Empty(settings.ConsoleErrors);
    }

    [Fact]
    public async Task ACsvImportAddsProductsAndARefusedFileNamesEveryBadLine()
    {
        await using var host = await AddinHost.StartAsync();
        await using var settings = await SettingsPage.OpenAsync(browser, host, locale: "zh-CN", path: "/settings?lang=zh");
        await settings.ReadyAsync();
        var products = settings.Section("products");
        var file = settings.Field(products, "CSV 文件：编码、名称、单位、启用，以及每种货币一列");

        await file.SetInputFilesAsync(new FilePayload
        {
            Name = "bad.csv",
            MimeType = "text/csv",
            Buffer = "code,name,unit,active,USD\nPRO,Pro licence,seat,true,100\nBAD,Broken,,true,ten\nWORSE,Worse,,true,1x\n"u8.ToArray(),
        });
        await settings.Button(products, "导入 CSV").ClickAsync();
        await Expect(settings.Status("products")).ToContainTextAsync("未导入");
        await Expect(products.Locator("ul.problems li")).ToHaveCountAsync(2);
        await Expect(products.Locator("ul.problems li").Nth(0)).ToContainTextAsync("3");
        await Expect(products.Locator("ul.problems li").Nth(1)).ToContainTextAsync("4");

        await file.SetInputFilesAsync(new FilePayload
        {
            Name = "good.csv",
            MimeType = "text/csv",
            Buffer = "code,name,unit,active,USD,CNY\nPRO,Pro licence,seat,true,100,700\nSUP,Support,year,true,20,140\n"u8.ToArray(),
        });
        await settings.Button(products, "导入 CSV").ClickAsync();
        await Expect(settings.Status("products")).ToHaveTextAsync("已导入 2 个产品。");
        await Expect(products.Locator("ul.problems li")).ToHaveCountAsync(0);
        await Expect(settings.Field(products, "价格 1")).ToHaveValueAsync(new Regex("USD 100"));
        await Expect(settings.Field(products, "价格 1")).ToHaveValueAsync(new Regex("CNY 700"));
    }

    [Fact]
    public async Task ARepSeesNoProductsSectionAndTheApiRefusesThem()
    {
        await using var host = await AddinHost.StartAsync();
        await using var settings = await SettingsPage.OpenAsync(browser, host, admin: false);

        await Expect(settings.Page.Locator("#admins-only")).ToBeVisibleAsync();
        await Expect(settings.Page.Locator("#section-products")).ToHaveCountAsync(0);
        using var rep = host.Client();
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/admin/products")).StatusCode);
    }
}
