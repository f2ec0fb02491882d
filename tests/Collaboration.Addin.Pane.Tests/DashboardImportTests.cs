using System.Text;
using Collaboration.Application.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>The dashboard's "Import contacts/leads" panel in chromium against the real backend and its import worker.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardImportTests(BrowserFixture browser)
{
    private const string Csv =
        "Email,Name,Company,Deal name,Amount\n" +
        "ana.silva@fabrikam-buyer.example,Ana Silva,Fabrikam,Fabrikam rollout,12000\n" +
        "not-an-email,Bad Row,Nowhere,,\n" +
        "li.wei@contoso-buyer.example,Li Wei,Contoso,,\n";

    [Fact]
    public async Task AListIsPreviewedMappedAndImportedWithTheBadRowsLineShown()
    {
        await using var host = await AddinHost.StartAsync();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) errors.Add($"{response.Status} {response.Url}");
        };
        await page.GotoAsync(new Uri(host.BaseAddress, "/dashboard").ToString());

        await page.GetByLabel("File (CSV or XLSX)").SetInputFilesAsync(new FilePayload
        {
            Name = "expo-booth.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(Csv),
        });
        await page.GetByLabel("Source name").FillAsync("Expo booth 2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();

        var preview = page.Locator("#import-preview-table");
        await Expect(preview.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(preview).ToContainTextAsync("Ana Silva");
        await Expect(preview).ToContainTextAsync("not-an-email");
        await Expect(page.Locator("#import-status")).ToContainTextAsync("3 rows in the file");
        await Expect(page.GetByLabel("Email", new() { Exact = true })).ToHaveValueAsync("Email");
        await Expect(page.GetByLabel("Deal name", new() { Exact = true })).ToHaveValueAsync("Deal name");
        await Expect(page.GetByLabel("Currency", new() { Exact = true })).ToHaveValueAsync("");
        // A column the detector did not name can be mapped by hand.
        await page.GetByLabel("Notes", new() { Exact = true }).SelectOptionAsync("Company");
        await page.GetByLabel("Notes", new() { Exact = true }).SelectOptionAsync("");

        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();

        await Expect(page.Locator("#import-status")).ToHaveTextAsync("Import finished: 3 of 3 rows processed.", new() { Timeout = 30_000 });
        var counts = page.Locator("#import-counts tbody tr");
        await Expect(counts.Filter(new() { HasText = "Created" })).ToContainTextAsync("2");
        await Expect(counts.Filter(new() { HasText = "Invalid rows" })).ToContainTextAsync("1");
        var bad = page.Locator("#import-errors li");
        await Expect(bad).ToHaveCountAsync(1);
        await Expect(bad).ToContainTextAsync("Line 3 (Email)");
        await Expect(bad).ToContainTextAsync("not-an-email");
        await Expect(bad).ToHaveAttributeAsync("data-line", "3");
        Assert.Empty(errors);

        await using var db = host.Db.Database.Open(DemoDataSeeder.TenantId);
        var emails = await db.Contacts.Select(c => c.Email).ToListAsync();
        Assert.Contains("ana.silva@fabrikam-buyer.example", emails);
        Assert.Contains("li.wei@contoso-buyer.example", emails);
        Assert.DoesNotContain(emails, e => e.Contains("not-an-email", StringComparison.Ordinal));
        Assert.Equal("Ana Silva", (await db.Contacts.SingleAsync(c => c.Email == "ana.silva@fabrikam-buyer.example")).Name);
    }

    [Fact]
    public async Task ThePanelIsInChineseAndEveryControlIsLabelledAndReachableByTab()
    {
        await using var host = await AddinHost.StartAsync();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.BaseAddress, "/dashboard?lang=zh").ToString());

        await Expect(page.Locator("#import-title")).ToHaveTextAsync("导入联系人/线索");
        await page.GetByLabel("文件（CSV 或 XLSX）").SetInputFilesAsync(new FilePayload
        {
            Name = "list.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("邮箱,姓名,公司\nwang@contoso-buyer.example,王芳,Contoso\n"),
        });
        await page.GetByLabel("来源名称").FillAsync("展会");
        await page.GetByRole(AriaRole.Button, new() { Name = "预览", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("邮箱", new() { Exact = true })).ToHaveValueAsync("邮箱");
        await Expect(page.GetByLabel("姓名", new() { Exact = true })).ToHaveValueAsync("姓名");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true })).ToBeVisibleAsync();

        var ids = await page.EvaluateAsync<string[]>(
            "Array.from(document.querySelectorAll('#import input, #import select, #import button')).filter(e => !e.hidden).map(e => e.id)");
        Assert.True(ids.Length > 10, string.Join(",", ids));
        foreach (var id in ids)
        {
            var name = await page.EvaluateAsync<string>(
                "id => { const e = document.getElementById(id); return (e.labels && e.labels.length ? e.labels[0].textContent : e.textContent).trim(); }", id);
            Assert.False(string.IsNullOrWhiteSpace(name), $"{id} has no label");
        }
        var reached = new HashSet<string>();
        for (var i = 0; i < 60 && !reached.IsSupersetOf(ids); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("document.activeElement ? document.activeElement.id : ''"));
        }
        Assert.Superset(ids.ToHashSet(), reached);
    }
}
