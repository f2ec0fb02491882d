using System.Net;
using System.Text;
using System.Text.Json;
using Collaboration.Addin.Tests.Hostile;
using CsCheck;

namespace Collaboration.Addin.Tests.Fuzz;

/// <summary>A bounded number of random requests against the real host: none answers 5xx, and the host keeps answering.</summary>
public class AddinHostFuzzTests
{
    private static readonly string[] Pieces =
    [
        "buyer@contoso.com", "not an email", "@", "<b>", "</div>", "<script>alert(1)</script>", "budget $50k", "预算10万", "\u0000", "\ud800",
        "\"", "\\", "{", "}", " ", "\n", "RE: FW:", "2026-02-30", new string('x', 300),
    ];

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.Int[0, Pieces.Length - 1].Array[0, 30].Select(picks => string.Concat(picks.Select(p => Pieces[p]))),
        Gen.String);

    private static readonly Gen<object> Email =
        from sender in Gen.OneOf(Text, Gen.Const("buyer@contoso.com"), Gen.Const("li.lei@contoso.cn"))
        from name in Text
        from subject in Text
        from html in Text.Null()
        from body in Text.Null()
        from messageId in Text.Null()
        from conversationId in Text.Null()
        select (object)new
        {
            @from = new { name, address = sender },
            to = new[] { new { name, address = sender } },
            subject,
            bodyHtml = html,
            bodyText = body,
            internetMessageId = messageId,
            conversationId,
        };

    [Fact]
    public async Task RandomEmailsToTheEmailEndpointsNeverAnswer5xx()
    {
        await using var host = await AddinHost.StartAsync();
        var client = host.RepClient();
        var statuses = new List<HttpStatusCode>();

        foreach (var email in Email.Array[120, 120].Single())
        {
            var response = await client.PostAsync("/api/emails/resolve",
                new StringContent(JsonSerializer.Serialize(email), Encoding.UTF8, "application/json"));
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {JsonSerializer.Serialize(email)}");
            statuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task RandomAndMutatedFilesToTheImportPreviewNeverAnswer5xx()
    {
        await using var host = await AddinHost.StartAsync();
        var client = host.RepClient();
        var valid = HostileWorkbook.WithSheet(HostileWorkbook.Sheet(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Email</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>mia@proseware.example</t></is></c></row>"));
        var files = Gen.OneOf(
            Gen.Select(Gen.Int[0, 100_000], Gen.Byte).Array[1, 10].Select(flips =>
            {
                var bytes = valid.ToArray();
                foreach (var (at, value) in flips) bytes[at % bytes.Length] = value;
                return (bytes, "list.xlsx");
            }),
            Gen.Byte.Array[0, 3_000].Select(bytes => (bytes, "list.csv")),
            Text.Select(text => (Encoding.UTF8.GetBytes(text), "list.csv")));

        foreach (var (bytes, name) in files.Array[80, 80].Single())
        {
            var response = await client.PostAsync("/api/imports/preview", ImportTests.Upload(bytes, name));
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {name} of {bytes.Length} bytes");
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/imports/preview", ImportTests.Upload(valid, "list.xlsx"))).StatusCode);
    }
}
