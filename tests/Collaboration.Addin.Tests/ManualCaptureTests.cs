using System.Net;
using Collaboration.Domain.Assignment;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Addin.Tests;

public class ManualCaptureTests
{
    [Fact]
    public async Task ARepCreatesAReferralDealThatReusesTheContactAndStaysTheirs()
    {
        await using var host = await AddinHost.StartAsync();
        var client = host.RepClient();
        var first = await client.PostJsonAsync("/api/opportunities", new
        {
            name = "Tailspin rollout",
            contactEmail = "Mia@Tailspin.example",
            contactName = "Mia",
            accountName = "Tailspin Toys",
            amount = 12000m,
            currency = "eur",
            closeDate = "2027-03-31",
            source = "referral",
            referredBy = "Jon at Contoso",
        });
        var second = await client.PostJsonAsync("/api/opportunities", new { name = "Tailspin add-on", contactEmail = "mia@tailspin.example", source = "event" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var view = await first.ReadJsonAsync();
        var id = view.GetProperty("id").GetGuid();
        Assert.Equal($"/api/opportunities/{id}", first.Headers.Location!.ToString());
        Assert.Equal("Tailspin rollout", view.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        var deal = await db.Opportunities.SingleAsync(o => o.Id == id);
        Assert.Equal(CaptureSource.Referral, deal.Source);
        Assert.Equal("Jon at Contoso", deal.ReferredBy);
        Assert.Equal(12000m, deal.Amount);
        Assert.Equal("EUR", deal.Currency);
        Assert.Equal(new DateOnly(2027, 3, 31), deal.CloseDate);
        Assert.Equal(AddinHost.RepA, deal.OwnerId);
        var contact = await db.Contacts.SingleAsync();
        Assert.Equal("mia@tailspin.example", contact.Email);
        Assert.Equal(2, await db.Opportunities.CountAsync(o => o.PrimaryContactId == contact.Id));
        Assert.Equal(CaptureSource.Event, (await db.Opportunities.SingleAsync(o => o.Name == "Tailspin add-on")).Source);
    }

    [Fact]
    public async Task AssignmentRulesApplyOnlyWhenTheRepAsks()
    {
        await using var host = await AddinHost.StartAsync();
        await using (var db = host.Db.Database.Open(AddinHost.TenantA))
        {
            db.Users.Add(new User(AddinHost.TenantA, "rep-de", "rep-de", "rep-de@seller.example"));
            db.AssignmentRules.Add(AssignmentRule.Territory(AddinHost.TenantA, 1, "rep-de", emailDomainSuffix: "de"));
            await db.SaveChangesAsync();
        }
        var client = host.RepClient();

        async Task<Guid> CreateAsync(object body)
        {
            var response = await client.PostJsonAsync("/api/opportunities", body);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
        }
        var kept = await CreateAsync(new { name = "Kept", contactEmail = "a@firma.de", source = "prospecting" });
        var assigned = await CreateAsync(new { name = "Assigned", contactEmail = "b@firma.de", assign = true });
        var noRule = await CreateAsync(new { name = "No rule", contactEmail = "c@fabrikam.example", assign = true });

        await using var check = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Equal(AddinHost.RepA, (await check.Opportunities.SingleAsync(o => o.Id == kept)).OwnerId);
        Assert.Equal("rep-de", (await check.Opportunities.SingleAsync(o => o.Id == assigned)).OwnerId);
        Assert.Equal(AddinHost.RepA, (await check.Opportunities.SingleAsync(o => o.Id == noRule)).OwnerId);
    }

    [Fact]
    public async Task InvalidRequestsGetLocalized400And422AndWriteNothing()
    {
        await using var host = await AddinHost.StartAsync();
        var english = host.RepClient();
        var chinese = host.RepClient(acceptLanguage: "zh-CN");

        var noName = await chinese.PostJsonAsync("/api/opportunities", new { name = " ", source = "webForm" });
        var badEmail = await english.PostJsonAsync("/api/opportunities", new { name = "Deal", contactEmail = "not-an-address" });
        var negative = await chinese.PostJsonAsync("/api/opportunities", new { name = "Deal", contactEmail = "x@contoso.example", amount = -5m });
        var badCurrency = await english.PostJsonAsync("/api/opportunities", new { name = "Deal", currency = "euros" });

        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        var errors = (await noName.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("商机需要名称。", errors.GetProperty("name")[0].GetString());
        Assert.StartsWith("“webForm”不是可用的来源。", errors.GetProperty("source")[0].GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badEmail.StatusCode);
        Assert.Equal("invalid_email", (await badEmail.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, negative.StatusCode);
        Assert.Equal("金额不能为负数。", (await negative.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badCurrency.StatusCode);
        Assert.Equal("\"euros\" is not a three-letter currency code.", (await badCurrency.ReadJsonAsync()).GetProperty("detail").GetString());
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Equal(0, await db.Opportunities.CountAsync());
        Assert.Equal(0, await db.Contacts.CountAsync());
    }
}
