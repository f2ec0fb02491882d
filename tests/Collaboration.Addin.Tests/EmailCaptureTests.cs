using System.Net;
using System.Text.Json;
using Collaboration.Application.Capture;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Addin.Tests;

public class EmailCaptureTests
{
    [Fact]
    public async Task CreatingADealFromAnEmailAddsContactAccountAndTheEmailAsFirstInteraction()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();

        var response = await rep.PostJsonAsync("/api/opportunities/from-email",
            PaneEmails.From("Wang.Fang@Contoso.com", "Wang Fang", subject: "Contoso – 50 seats", messageId: "<ABC-1@contoso.com>"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var deal = await response.ReadJsonAsync();
        var id = deal.GetProperty("id").GetGuid();
        Assert.Equal($"/api/opportunities/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Contoso – 50 seats", deal.GetProperty("name").GetString());
        Assert.Equal("new", deal.GetProperty("stage").GetString());
        Assert.Equal(AddinHost.RepA, deal.GetProperty("ownerId").GetString());
        Assert.Equal("Contoso", deal.GetProperty("account").GetProperty("name").GetString());
        Assert.Equal("wang.fang@contoso.com", deal.GetProperty("primaryContact").GetProperty("email").GetString());
        var interaction = Assert.Single(deal.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "interaction");
        Assert.Equal("email", interaction.GetProperty("interactionKind").GetString());
        Assert.StartsWith("Contoso – 50 seats: Hi, could you send pricing", interaction.GetProperty("summary").GetString());

        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        var stored = await db.Interactions.SingleAsync();
        Assert.Equal("abc-1@contoso.com", stored.SourceId);
        Assert.Equal(id, stored.OpportunityId);
        Assert.Equal(1, await db.Contacts.CountAsync());
        Assert.Equal(1, await db.Accounts.CountAsync());
        Assert.Equal("Outlook", (await db.OpportunityChanges.FirstAsync()).Surface.ToString());
    }

    [Fact]
    public async Task HintsFoundInTheEmailAreOfferedAndPrefilledOnTheNewDeal()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();
        var email = PaneEmails.From("cto@contoso.com", "Sarah Chen", subject: "Budget",
            bodyHtml: "<p>We <b>must</b> replace our CRM. We have a budget of $120,000 approved.</p><p>I'm the CTO.</p>");

        var resolved = await (await rep.PostJsonAsync("/api/emails/resolve", email)).ReadJsonAsync();
        var deal = await (await rep.PostJsonAsync("/api/opportunities/from-email", email)).ReadJsonAsync();

        Assert.Equal("mustHave", resolved.GetProperty("hints").GetProperty("need").GetString());
        Assert.Equal(120000m, resolved.GetProperty("hints").GetProperty("budgetAmount").GetDecimal());
        Assert.Equal("mustHave", deal.GetProperty("bant").GetProperty("need").GetString());
        Assert.Equal("Sarah Chen", deal.GetProperty("bant").GetProperty("decisionMakerName").GetString());
        Assert.Equal(JsonValueKind.Null, (await (await rep.PostJsonAsync("/api/emails/resolve", PaneEmails.From("x@contoso.com", bodyText: "hello"))).ReadJsonAsync())
            .GetProperty("hints").ValueKind);
    }

    [Fact]
    public async Task ResolvingAKnownSenderNamesTheirContactAccountAndOpenDeals()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();
        var created = await (await rep.PostJsonAsync("/api/opportunities/from-email", PaneEmails.From("li.lei@fabrikam.cn", "Li Lei"))).ReadJsonAsync();

        var resolved = await (await rep.PostJsonAsync("/api/emails/resolve", PaneEmails.From("li.lei@fabrikam.cn", "Li Lei"))).ReadJsonAsync();

        var sender = resolved.GetProperty("sender");
        Assert.Equal("li.lei@fabrikam.cn", sender.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal("Fabrikam", sender.GetProperty("account").GetProperty("name").GetString());
        Assert.False(sender.GetProperty("isNewContact").GetBoolean());
        Assert.False(sender.GetProperty("isNewAccount").GetBoolean());
        var open = Assert.Single(resolved.GetProperty("openDeals").EnumerateArray());
        Assert.Equal(created.GetProperty("id").GetGuid(), open.GetProperty("id").GetGuid());
        var suggestion = resolved.GetProperty("suggestion");
        Assert.Equal("logToDeal", suggestion.GetProperty("action").GetString());
        Assert.Equal(created.GetProperty("id").GetGuid(), suggestion.GetProperty("dealId").GetGuid());
    }

    [Fact]
    public async Task ResolvingANewCompanySenderSaysContactAndAccountWouldBeCreated()
    {
        await using var host = await AddinHost.StartAsync();

        var resolved = await (await host.RepClient().PostJsonAsync("/api/emails/resolve", PaneEmails.From("buyer@northwind.example"))).ReadJsonAsync();

        var sender = resolved.GetProperty("sender");
        Assert.Equal(JsonValueKind.Null, sender.GetProperty("contact").ValueKind);
        Assert.Equal(JsonValueKind.Null, sender.GetProperty("account").ValueKind);
        Assert.True(sender.GetProperty("isNewContact").GetBoolean());
        Assert.True(sender.GetProperty("isNewAccount").GetBoolean());
        Assert.False(sender.GetProperty("isFreeMail").GetBoolean());
        Assert.Empty(resolved.GetProperty("openDeals").EnumerateArray());
        Assert.Equal("create", resolved.GetProperty("suggestion").GetProperty("action").GetString());
    }

    [Fact]
    public async Task AFreeMailSenderNeverGetsAnAccount()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();

        var resolved = await (await rep.PostJsonAsync("/api/emails/resolve", PaneEmails.From("someone@gmail.com"))).ReadJsonAsync();
        var created = await rep.PostJsonAsync("/api/opportunities/from-email", PaneEmails.From("someone@gmail.com", "Some One"));

        Assert.True(resolved.GetProperty("sender").GetProperty("isFreeMail").GetBoolean());
        Assert.False(resolved.GetProperty("sender").GetProperty("isNewAccount").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await created.ReadJsonAsync()).GetProperty("account").ValueKind);
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Equal(0, await db.Accounts.CountAsync());
    }

    [Fact]
    public async Task LoggingTheSameEmailTwiceKeepsOneInteraction()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();
        var deal = await (await rep.PostJsonAsync("/api/opportunities/from-email", PaneEmails.From("a@contoso.com"))).ReadJsonAsync();
        var id = deal.GetProperty("id").GetGuid();

        var first = await rep.PostJsonAsync($"/api/opportunities/{id}/emails", PaneEmails.From("a@contoso.com", messageId: "<Reply-7@contoso.com>"));
        var second = await rep.PostJsonAsync($"/api/opportunities/{id}/emails", PaneEmails.From("a@contoso.com", messageId: "reply-7@contoso.com"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False((await first.ReadJsonAsync()).GetProperty("alreadyLogged").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True((await second.ReadJsonAsync()).GetProperty("alreadyLogged").GetBoolean());
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Equal(1, await db.Interactions.CountAsync(i => i.SourceId == "reply-7@contoso.com"));

        var resolved = await (await rep.PostJsonAsync("/api/emails/resolve", PaneEmails.From("a@contoso.com", messageId: "<REPLY-7@contoso.com>"))).ReadJsonAsync();
        Assert.Equal("alreadyLogged", resolved.GetProperty("suggestion").GetProperty("action").GetString());
        Assert.Equal(id, resolved.GetProperty("alreadyLogged").GetProperty("dealId").GetGuid());
    }

    [Fact]
    public async Task ALaterEmailInALoggedConversationSuggestsThatDeal()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();
        var deal = await (await rep.PostJsonAsync("/api/opportunities/from-email",
            PaneEmails.From("first@contoso.com", conversationId: "conv-42"))).ReadJsonAsync();

        var resolved = await (await rep.PostJsonAsync("/api/emails/resolve",
            PaneEmails.From("colleague@other.example", conversationId: "conv-42"))).ReadJsonAsync();

        Assert.Equal(deal.GetProperty("id").GetGuid(), resolved.GetProperty("conversationDeal").GetProperty("id").GetGuid());
        Assert.Equal("logToDeal", resolved.GetProperty("suggestion").GetProperty("action").GetString());
        Assert.Equal(deal.GetProperty("id").GetGuid(), resolved.GetProperty("suggestion").GetProperty("dealId").GetGuid());
        Assert.Equal(JsonValueKind.Null, resolved.GetProperty("alreadyLogged").ValueKind);
    }

    [Fact]
    public async Task ScriptsAndEventHandlersInABodyNeverReachStorageOrResponses()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();
        const string hostile = "<p>Budget approved</p><script>alert('x')</script><img src=x onerror=\"alert(1)\"><a href=\"javascript:alert(2)\">click</a>";

        var created = await rep.PostJsonAsync("/api/opportunities/from-email",
            PaneEmails.From("x@contoso.com", subject: "Hello <script>alert(3)</script>", bodyHtml: hostile));
        var deal = await created.ReadJsonAsync();
        var logged = await rep.PostJsonAsync($"/api/opportunities/{deal.GetProperty("id").GetGuid()}/emails",
            PaneEmails.From("x@contoso.com", bodyText: "plain <script>alert(4)</script> <img src=x onerror=alert(5)> text"));
        var detail = await rep.GetStringAsync($"/api/opportunities/{deal.GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        var stored = string.Join("\n", (await db.Interactions.ToListAsync()).Select(i => $"{i.Subject}\n{i.Summary}\n{i.Body}"));
        Assert.Contains("Budget approved", stored);
        foreach (var text in new[] { stored, detail, await created.Content.ReadAsStringAsync(), await logged.Content.ReadAsStringAsync() })
        {
            Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onerror", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript:", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("alert(", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ABodyIsStoredAsTextAndTruncatedToTheInteractionLimit()
    {
        await using var host = await AddinHost.StartAsync();
        var body = "<div>" + string.Join("", Enumerable.Repeat("<p>need 50 seats</p>", 20_000)) + "</div>";

        var created = await host.RepClient().PostJsonAsync("/api/opportunities/from-email", PaneEmails.From("big@contoso.com", bodyHtml: body));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        var stored = await db.Interactions.SingleAsync();
        Assert.Equal(Collaboration.Domain.Interactions.Interaction.MaxBodyLength, stored.Body!.Length);
        Assert.DoesNotContain("<p>", stored.Body);
    }

    [Fact]
    public async Task ARequestOverSixMegabytesIsRefusedBeforeItIsRead()
    {
        await using var host = await AddinHost.StartAsync();
        var address = host.Client().BaseAddress!;
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();

        var head = "POST /api/opportunities/from-email HTTP/1.1\r\n" +
                   $"Host: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: {7 * 1024 * 1024}\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head + "{\"subject\":\""));
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer);

        Assert.StartsWith("HTTP/1.1 413", System.Text.Encoding.ASCII.GetString(buffer, 0, read));
    }

    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    [Theory, MemberData(nameof(Databases))]
    public async Task TwentyConcurrentCapturesFromOneNewSenderMakeOneContactAndOneAccount(DatabaseKind kind)
    {
        await using var host = await AddinHost.StartAsync(kind);
        var rep = host.RepClient();
        await rep.GetAsync("/api/opportunities?mine=true");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            rep.PostJsonAsync("/api/opportunities/from-email", PaneEmails.From("New.Buyer@Tailspin.example", "New Buyer", subject: $"Request {i}"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Equal(1, await db.Contacts.CountAsync());
        Assert.Equal(1, await db.Accounts.CountAsync());
        Assert.Equal(20, await db.Opportunities.CountAsync());
        var contactId = (await db.Contacts.SingleAsync()).Id;
        Assert.All(await db.Opportunities.ToListAsync(), o => Assert.Equal(contactId, o.PrimaryContactId));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TheSameEmailLoggedFromFiveWindowsAtOnceIsOneInteraction(DatabaseKind kind)
    {
        await using var host = await AddinHost.StartAsync(kind);
        var rep = host.RepClient();
        var deal = await (await rep.PostJsonAsync("/api/opportunities/from-email", PaneEmails.From("a@contoso.com"))).ReadJsonAsync();
        var id = deal.GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            rep.PostJsonAsync($"/api/opportunities/{id}/emails", PaneEmails.From("a@contoso.com", messageId: "<same@contoso.com>"))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Equal(1, await db.Interactions.CountAsync(i => i.SourceId == "same@contoso.com"));
    }
}
