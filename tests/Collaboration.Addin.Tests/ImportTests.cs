using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Collaboration.Application.Imports;
using Collaboration.Domain.Contacts;
using Collaboration.Domain.Imports;
using Collaboration.Domain.Opportunities;
using Collaboration.Testing;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Addin.Tests;

public class ImportTests
{
    private static byte[] Corpus(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Corpus", name));

    internal static MultipartFormDataContent Upload(byte[] file, string fileName, string? sourceName = null, object? mapping = null)
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        content.Add(part, "file", fileName);
        if (sourceName is not null) content.Add(new StringContent(sourceName), "sourceName");
        if (mapping is not null) content.Add(new StringContent(JsonSerializer.Serialize(mapping)), "mapping");
        return content;
    }

    internal static async Task<JsonElement> ImportAsync(HttpClient client, byte[] file, string fileName, string sourceName, object? mapping = null)
    {
        var started = await client.PostAsync("/api/imports", Upload(file, fileName, sourceName, mapping));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        return await WaitForAsync(client, (await started.ReadJsonAsync()).GetProperty("id").GetGuid());
    }

    internal static async Task<JsonElement> WaitForAsync(HttpClient client, Guid id, int polls = 600)
    {
        for (var i = 0; i < polls; i++)
        {
            var job = await (await client.GetAsync($"/api/imports/{id}")).ReadJsonAsync();
            var status = job.GetProperty("status").GetString();
            if (status is "completed" or "failed") return job;
            await Task.Delay(50);
        }
        throw new TimeoutException("The import did not finish.");
    }

    [Fact]
    public async Task ThePreviewShowsTheFirstRowsAndDetectsColumns()
    {
        await using var host = await AddinHost.StartAsync();

        var response = await host.RepClient().PostAsync("/api/imports/preview", Upload(Corpus("expo-2026.csv"), "expo-2026.csv"));
        var preview = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Email", "Full Name", "Company", "Country", "Budget", "Timeline", "Notes"], preview.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(7, preview.GetProperty("totalRows").GetInt32());
        Assert.Equal("张伟", preview.GetProperty("firstRows")[2][1].GetString());
        Assert.Equal("对CRM很感兴趣，\n预算大约10万元", preview.GetProperty("firstRows")[2][6].GetString());
        var mapping = preview.GetProperty("mapping");
        Assert.Equal("Email", mapping.GetProperty("email").GetString());
        Assert.Equal("Full Name", mapping.GetProperty("name").GetString());
        Assert.Equal("Notes", mapping.GetProperty("notes").GetString());
        Assert.False(preview.GetProperty("mappingRemembered").GetBoolean());
    }

    [Fact]
    public async Task AnEventListIsImportedWithLineNumberedErrorsDeDuplicatedAndReImportChangesNothing()
    {
        await using var host = await AddinHost.StartAsync();
        var client = host.RepClient();
        await using (var db = host.Db.Database.Open(AddinHost.TenantA))
        {
            db.Contacts.Add(new Contact(AddinHost.TenantA, "known@tailspin.example", "Known Person", null));
            await db.SaveChangesAsync();
        }

        var job = await ImportAsync(client, Corpus("expo-2026.csv"), "expo-2026.csv", "Expo 2026");

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(7, job.GetProperty("totalRows").GetInt32());
        Assert.Equal(7, job.GetProperty("processedRows").GetInt32());
        Assert.Equal(4, job.GetProperty("created").GetInt32());
        Assert.Equal(1, job.GetProperty("existingContacts").GetInt32());
        Assert.Equal(1, job.GetProperty("duplicatesInFile").GetInt32());
        Assert.Equal(2, job.GetProperty("invalid").GetInt32());
        var errors = job.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "Email"), (8, "Email")], errors);

        await using (var db = host.Db.Database.Open(AddinHost.TenantA))
        {
            Assert.Equal(4, await db.Contacts.CountAsync());
            Assert.Equal(4, await db.Opportunities.CountAsync());
            var chinese = await db.Opportunities.SingleAsync(o => o.Name.StartsWith("康拓软件"));
            Assert.Equal("康拓软件 – Expo 2026", chinese.Name);
            Assert.Equal(CaptureSource.Import, chinese.Source);
            Assert.Equal("Expo 2026 (line 4)", chinese.SourceDetail);
            Assert.Equal(100000m, chinese.Bant.BudgetAmount);
            Assert.Equal("张伟", (await db.Contacts.SingleAsync(c => c.Email == "zhang.wei@contoso.cn")).Name);
            var ana = await db.Opportunities.SingleAsync(o => o.Name.StartsWith("Fabrikam"));
            Assert.Equal(20000m, ana.Bant.BudgetAmount);
            Assert.Null((await db.Contacts.SingleAsync(c => c.Email == "bob@gmail.com")).AccountId);
        }

        var again = await ImportAsync(client, Corpus("expo-2026.csv"), "expo-2026.csv", "expo 2026");

        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(4, again.GetProperty("alreadyImported").GetInt32());
        await using (var db = host.Db.Database.Open(AddinHost.TenantA))
        {
            Assert.Equal(4, await db.Contacts.CountAsync());
            Assert.Equal(4, await db.Opportunities.CountAsync());
            Assert.Equal(4, await db.ImportedRows.CountAsync());
        }

        var remembered = await (await client.PostAsync("/api/imports/preview", Upload(Corpus("expo-2026.csv"), "again.csv", "EXPO 2026"))).ReadJsonAsync();
        Assert.True(remembered.GetProperty("mappingRemembered").GetBoolean());
    }

    [Fact]
    public async Task AGb18030ListWithAnExplicitMappingIsReadAsChinese()
    {
        await using var host = await AddinHost.StartAsync();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = "邮箱;姓名;公司;金额;币种;预计成交日期\r\nli.lei@hanmei.cn;李雷;韩梅科技;80000;CNY;2027-03-31\r\nwang@hanmei.cn;王芳;韩梅科技;abc;CNY;2027-13-01\r\n";
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(csv);
        var mapping = new { email = "邮箱", name = "姓名", company = "公司", amount = "金额", currency = "币种", closeDate = "预计成交日期" };

        var job = await ImportAsync(host.RepClient(), bytes, "展会.csv", "上海展会", mapping);

        Assert.Equal(1, job.GetProperty("created").GetInt32());
        Assert.Equal(1, job.GetProperty("invalid").GetInt32());
        var errors = job.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "金额"), (3, "预计成交日期")], errors);
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        var deal = await db.Opportunities.SingleAsync();
        Assert.Equal(80000m, deal.Amount);
        Assert.Equal("CNY", deal.Currency);
        Assert.Equal(new DateOnly(2027, 3, 31), deal.CloseDate);
        Assert.Equal("韩梅科技", (await db.Accounts.SingleAsync()).Name);
        Assert.Equal("李雷", (await db.Contacts.SingleAsync()).Name);
    }

    [Fact]
    public async Task AnXlsxListIsImported()
    {
        await using var host = await AddinHost.StartAsync();
        var xlsx = Workbook(
            ["Email", "Name", "Company", "Deal", "Amount", "Close date"],
            ["mia@proseware.example", "Mia", "Proseware", "Proseware rollout", "12000", 46112d],
            ["broken", "Nope", "", "", "", ""]);

        var job = await ImportAsync(host.RepClient(), xlsx, "leads.xlsx", "Webinar May");

        Assert.Equal(1, job.GetProperty("created").GetInt32());
        Assert.Equal([3], job.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        var deal = await db.Opportunities.SingleAsync();
        Assert.Equal("Proseware rollout", deal.Name);
        Assert.Equal(12000m, deal.Amount);
        Assert.Equal(DateOnly.FromDateTime(DateTime.FromOADate(46112)), deal.CloseDate);
    }

    [Fact]
    public async Task ALongListIsImportedInBatchesWithoutDuplicates()
    {
        await using var host = await AddinHost.StartAsync();
        var csv = new StringBuilder("email,name,company\n");
        for (var i = 0; i < 1200; i++) csv.Append($"person{i % 1100}@company{i % 1100 % 40}.example,Person {i},Company {i % 1100 % 40}\n");

        var job = await ImportAsync(host.RepClient(), Encoding.UTF8.GetBytes(csv.ToString()), "big.csv", "Big fair");

        Assert.Equal(1100, job.GetProperty("created").GetInt32());
        Assert.Equal(100, job.GetProperty("duplicatesInFile").GetInt32());
        Assert.Equal(1200, job.GetProperty("processedRows").GetInt32());
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Equal(1100, await db.Contacts.CountAsync());
        Assert.Equal(40, await db.Accounts.CountAsync());
    }

    [Fact]
    public async Task TenThousandRowsAreImportedAndReImportingChangesNothing()
    {
        await using var host = await AddinHost.StartAsync();
        var client = host.RepClient();
        var csv = new StringBuilder("Email,Full Name,Company,Country,Notes\n");
        for (var i = 0; i < 10_000; i++) csv.Append($"visitor{i}@company{i % 250}.example,Visitor {i},Company {i % 250},DE,{(i % 10 == 0 ? "Asked for a demo" : "")}\n");
        var file = Encoding.UTF8.GetBytes(csv.ToString());

        var first = await WaitForAsync(client, await StartAsync(client, file, "trade-fair.csv", "Trade fair 2026"), polls: 1200);
        var again = await WaitForAsync(client, await StartAsync(client, file, "trade-fair.csv", "Trade fair 2026"), polls: 1200);

        Assert.Equal("completed", first.GetProperty("status").GetString());
        Assert.Equal(10_000, first.GetProperty("created").GetInt32());
        Assert.Equal(10_000, first.GetProperty("processedRows").GetInt32());
        Assert.Equal(0, first.GetProperty("invalid").GetInt32());
        Assert.Equal("completed", again.GetProperty("status").GetString());
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(10_000, again.GetProperty("alreadyImported").GetInt32());
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Equal(10_000, await db.Opportunities.CountAsync());
        Assert.Equal(10_000, await db.Contacts.CountAsync());
        Assert.Equal(250, await db.Accounts.CountAsync());
        Assert.Equal(1_000, await db.Interactions.CountAsync());
        Assert.Equal(10_000, await db.ImportedRows.CountAsync());
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task ImportsInterruptedByAStopAreResumedAtTheNextStartWithTheRightCountsAndNoDuplicates(DatabaseKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var csv = new StringBuilder("email,name,company\n");
        for (var i = 0; i < 3100; i++) csv.Append($"person{i % 3000}@company{i % 3000 % 60}.example,Person {i},Company {i % 3000 % 60}\n");
        csv.Append("not-an-email,Broken,Nowhere\n");
        var file = Encoding.UTF8.GetBytes(csv.ToString());

        Guid interrupted;
        await using (var first = AddinHost.Restart(database))
        {
            var client = first.RepClient();
            interrupted = await StartAsync(client, file, "fair.csv", "Autumn fair");
            for (var i = 0; i < 600; i++)
            {
                var progress = await (await client.GetAsync($"/api/imports/{interrupted}")).ReadJsonAsync();
                if (progress.GetProperty("processedRows").GetInt32() >= ImportService.BatchSize) break;
                await Task.Delay(20);
            }
        } // the stop cancels the worker in the middle of the job

        Guid queued;
        await using (var db = database.Database.Open(AddinHost.TenantA))
        {
            var stopped = await db.ImportJobs.SingleAsync(j => j.Id == interrupted);
            Assert.Equal(ImportJobStatus.Running, stopped.Status);
            Assert.InRange(stopped.NextRow, ImportService.BatchSize, 3000);
            Assert.Equal(stopped.NextRow, stopped.ProcessedRows);
            // And one that never started, as if the process died right after the upload.
            var small = Encoding.UTF8.GetBytes("email,name\nnew.one@tailspin.example,New One\nperson1@company1.example,Person 1\n");
            var job = new ImportJob(AddinHost.TenantA, "Walk-ins", "walk-ins.csv", 2, AddinHost.RepA, DateTimeOffset.UtcNow,
                new Dictionary<string, string> { ["email"] = "email", ["name"] = "name" });
            db.ImportJobs.Add(job);
            db.ImportJobFiles.Add(new ImportJobFile(AddinHost.TenantA, job.Id, "walk-ins.csv", small));
            await db.SaveChangesAsync();
            queued = job.Id;
        }

        await using var second = AddinHost.Restart(database);
        var resumed = await WaitForAsync(second.RepClient(), interrupted, polls: 1200);
        var walkIns = await WaitForAsync(second.RepClient(), queued);

        Assert.Equal("completed", resumed.GetProperty("status").GetString());
        Assert.Equal(3101, resumed.GetProperty("processedRows").GetInt32());
        Assert.Equal(3000, resumed.GetProperty("created").GetInt32());
        Assert.Equal(100, resumed.GetProperty("duplicatesInFile").GetInt32());
        Assert.Equal(0, resumed.GetProperty("alreadyImported").GetInt32());
        Assert.Equal(1, resumed.GetProperty("invalid").GetInt32());
        Assert.Equal("completed", walkIns.GetProperty("status").GetString());
        Assert.Equal(2, walkIns.GetProperty("created").GetInt32());
        Assert.Equal(1, walkIns.GetProperty("existingContacts").GetInt32());
        await using var check = database.Database.Open(AddinHost.TenantA);
        Assert.Equal(3002, await check.Opportunities.CountAsync());
        Assert.Equal(3001, await check.Contacts.CountAsync());
        Assert.Equal(3002, await check.ImportedRows.CountAsync());
        Assert.Equal(0, await check.ImportJobFiles.CountAsync());
    }

    internal static async Task<Guid> StartAsync(HttpClient client, byte[] file, string fileName, string sourceName)
    {
        var started = await client.PostAsync("/api/imports", Upload(file, fileName, sourceName));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        return (await started.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task AMappingWithoutEmailIsRefused()
    {
        await using var host = await AddinHost.StartAsync();

        var response = await host.RepClient().PostAsync("/api/imports", Upload(Corpus("expo-2026.csv"), "expo.csv", "Expo", new { name = "Full Name" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("email", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    private static byte[] Workbook(params object[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    row.Append(rows[r][c] is double number
                        ? new Cell { CellReference = reference, CellValue = new CellValue(number) }
                        : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text((string)rows[r][c])) });
                }
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Leads" }));
        }
        return stream.ToArray();
    }
}
