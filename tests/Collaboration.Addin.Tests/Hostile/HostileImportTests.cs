using System.Net;
using System.Text;
using Collaboration.Domain.Imports;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Addin.Tests.Hostile;

/// <summary>
/// Uploads built to exhaust the host, each sent by an ordinary rep to the import preview. Each must be refused
/// with 422 and its reason, cost the process a bounded amount of memory, and leave the host answering.
/// </summary>
[Collection(MeasuresProcessMemory.Name)]
public class HostileImportTests
{
    /// <summary>Generous: the attacks this guards against reached 6.5 to 8 GB.</summary>
    private const long MaxPeakGrowthBytes = 300L * 1024 * 1024;

    private static readonly byte[] GoodList = Encoding.UTF8.GetBytes("email,name\nmia@proseware.example,Mia\n");

    private static async Task<(HttpStatusCode Status, string Detail)> PreviewAsync(HttpClient client, byte[] file, string fileName = "leads.xlsx")
    {
        var response = await client.PostAsync("/api/imports/preview", ImportTests.Upload(file, fileName));
        var text = await response.Content.ReadAsStringAsync();
        var detail = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString() ?? ""
            : text;
        return (response.StatusCode, detail);
    }

    /// <summary>Sends the file, expects 422 naming the reason, bounded memory, and a host that still imports a good list.</summary>
    private static async Task AssertRefusedAsync(byte[] file, string reason, IDictionary<string, string?>? settings = null, string fileName = "leads.xlsx")
    {
        await using var host = await AddinHost.StartAsync(settings: settings);
        var client = host.RepClient();
        Assert.Equal(HttpStatusCode.OK, (await PreviewAsync(client, GoodList, "warm-up.csv")).Status);
        (HttpStatusCode Status, string Detail) refusal = default;

        var growth = await ProcessPeakMemory.GrowthDuringAsync(async () => refusal = await PreviewAsync(client, file, fileName));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusal.Status);
        Assert.Contains(reason, refusal.Detail);
        Assert.InRange(growth, 0, MaxPeakGrowthBytes);
        Assert.Equal(HttpStatusCode.OK, (await host.Client().GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PreviewAsync(client, GoodList, "after.csv")).Status);
    }

    [Fact]
    public async Task ACellAtColumnZzzzzzIsRefusedAsBeyondTheLastColumn()
    {
        var file = HostileWorkbook.WithSheet(HostileWorkbook.Sheet(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Email</t></is></c><c r=\"ZZZZZZ1\"><v>1</v></c></row>"));

        Assert.True(file.Length < 2048);
        await AssertRefusedAsync(file, "beyond column XFD");
    }

    [Fact]
    public async Task RowsReachingColumnXfdAreRefusedByTheCellLimit()
    {
        var rows = string.Concat(Enumerable.Range(1, 200).Select(r => $"<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c><c r=\"XFD{r}\"><v>1</v></c></row>"));

        await AssertRefusedAsync(HostileWorkbook.WithSheet(HostileWorkbook.Sheet(rows)), "more than 2,000,000 cells");
    }

    [Fact]
    public async Task AZipBombSheetIsRefusedFromTheZipDirectoryBeforeItIsInflated()
    {
        const long sheetBytes = 400L * 1024 * 1024;
        var file = HostileWorkbook.Build(HostileWorkbook.Repeat(
            "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
            "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>", sheetBytes, "</sheetData></worksheet>"));

        Assert.True(file.Length < 2 * 1024 * 1024, $"The bomb is {file.Length} bytes packed.");
        await AssertRefusedAsync(file, "unpacks to more than 128 MB");
    }

    [Fact]
    public async Task ASheetOfMoreRowsThanTheLimitIsRefusedWhileStreaming()
    {
        // 60 MB of rows: under the unpacked limit, so only the row count stops it.
        var file = HostileWorkbook.Build(HostileWorkbook.Repeat(
            "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
            "<row><c><v>1</v></c></row>", 60L * 1024 * 1024, "</sheetData></worksheet>"));

        await AssertRefusedAsync(file, "more than 100,000 rows");
    }

    [Fact]
    public async Task ASheetThatIsNotWellFormedXmlAnswers422WithTheReason()
    {
        var file = HostileWorkbook.WithSheet(HostileWorkbook.Sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></row>"));

        await AssertRefusedAsync(file, "not well-formed XML");
    }

    [Fact]
    public async Task AHugeSharedStringIsRefusedAtTheFieldLimit()
    {
        var file = HostileWorkbook.Build(
            sheet => sheet.Write(Encoding.UTF8.GetBytes(HostileWorkbook.Sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"))),
            HostileWorkbook.Repeat("<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>",
                "xxxxxxxxxxxxxxxx", 100L * 1024 * 1024, "</t></si></sst>"));

        await AssertRefusedAsync(file, "longer than 32,767 characters");
    }

    [Fact]
    public async Task MillionsOfSharedStringsAreRefusedAtTheCellLimit()
    {
        var file = HostileWorkbook.Build(
            sheet => sheet.Write(Encoding.UTF8.GetBytes(HostileWorkbook.Sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"))),
            HostileWorkbook.Repeat("<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
                "<si><t>a</t></si>", 60L * 1024 * 1024, "</sst>"));

        await AssertRefusedAsync(file, "more than 2,000,000 shared strings");
    }

    [Fact]
    public async Task TheLimitsAreSettings()
    {
        var rows = string.Concat(Enumerable.Range(1, 30).Select(r => $"<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c></row>"));

        await AssertRefusedAsync(HostileWorkbook.WithSheet(HostileWorkbook.Sheet(rows)), "more than 20 rows",
            new Dictionary<string, string?> { ["Imports:MaxRows"] = "20" });
    }

    [Fact]
    public async Task ACsvFieldLongerThanTheLimitIsRefused()
    {
        var csv = Encoding.UTF8.GetBytes("email,notes\nmia@proseware.example,\"" + new string('x', 40_000) + "\"\n");

        await AssertRefusedAsync(csv, "line 2 is longer than 32,767 characters", fileName: "leads.csv");
    }

    [Fact]
    public async Task ACsvOfMillionsOfEmptyFieldsIsRefusedAtTheCellLimit()
    {
        var csv = Encoding.UTF8.GetBytes("email" + new string(',', 3_000_000) + "\n");

        await AssertRefusedAsync(csv, "more than 2,000,000 cells", fileName: "leads.csv");
    }

    [Fact]
    public async Task AnImportWhoseFileCannotBeReadFailsWithTheReasonAndIsNotRetriedAtTheNextStart()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var broken = HostileWorkbook.WithSheet(HostileWorkbook.Sheet("<row r=\"1\"><c r=\"A1\"><v>email</v></row>"));
        var job = new ImportJob(AddinHost.TenantA, "Broken fair", "broken.xlsx", 1, AddinHost.RepA, DateTimeOffset.UtcNow,
            new Dictionary<string, string> { ["email"] = "email" });
        job.Start(); // as if the process had died while reading it
        await using (var db = database.Database.Open(AddinHost.TenantA))
        {
            db.ImportJobs.Add(job);
            db.ImportJobFiles.Add(new ImportJobFile(AddinHost.TenantA, job.Id, "broken.xlsx", broken));
            await db.SaveChangesAsync();
        }

        System.Text.Json.JsonElement failed;
        await using (var first = AddinHost.Restart(database))
        {
            failed = await ImportTests.WaitForAsync(first.RepClient(), job.Id);
        }
        await using var second = AddinHost.Restart(database);
        await Task.Delay(500);
        var later = await (await second.RepClient().GetAsync($"/api/imports/{job.Id}")).ReadJsonAsync();

        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("not well-formed XML", failed.GetProperty("failure").GetString());
        Assert.Equal("failed", later.GetProperty("status").GetString());
        Assert.Equal(failed.GetProperty("completedAt").GetDateTimeOffset(), later.GetProperty("completedAt").GetDateTimeOffset());
        await using var check = database.Database.Open(AddinHost.TenantA);
        Assert.Equal(0, await check.ImportJobFiles.CountAsync());
    }
}
