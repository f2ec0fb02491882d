using System.Text.Json.Nodes;
using Collaboration.Application.Capture;
using Collaboration.Application.Notifications;
using Collaboration.Application.Nurture;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Nurture;
using Collaboration.Infrastructure.Nurture;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collaboration.Application.Tests.Nurture;

public class FollowUpMailTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ADueEmailStepIsSentOnceFromTheRepsMailboxAndLoggedOnTheDeal()
    {
        await using var graph = await StartSendMailAsync();
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite, mailer: Mailer(graph, enabled: true));
        Assert.IsType<GraphFollowUpMailer>(Mailer(graph, enabled: true));
        var (rep, dealId, enrolment) = await EnrolAsync(host);

        await host.Nurture.RunAsync();
        host.Crm.Clock.Advance(TimeSpan.FromDays(1));
        await host.Nurture.RunAsync();

        var call = Assert.Single(graph.SentMails);
        Assert.Equal("/v1.0/users/rep/sendMail", call.Path);
        Assert.Equal("Bearer app-token", call.Authorization);
        var message = call.Body["message"]!;
        Assert.Equal("Our brochure", message["subject"]!.GetValue<string>());
        Assert.Equal("text", message["body"]!["contentType"]!.GetValue<string>(), ignoreCase: true);
        Assert.StartsWith("Hello Ada Buyer,", message["body"]!["content"]!.GetValue<string>());
        Assert.Equal("ada@buyer.example", message["toRecipients"]![0]!["emailAddress"]!["address"]!.GetValue<string>());
        Assert.True(call.Body["saveToSentItems"]!.GetValue<bool>());

        await using (var db = host.Crm.Db.Database.Open(CrmTestHost.TenantA))
        {
            var logged = await db.Interactions.AsNoTracking().Where(i => i.OpportunityId == dealId && i.Kind == InteractionKind.Email).ToListAsync();
            var interaction = Assert.Single(logged);
            Assert.Equal(NurtureRunner.EmailSourceId(enrolment.Id, 0), interaction.SourceId);
            Assert.Equal(Direction.Outbound, interaction.Direction);
        }
        var details = await PlanStepDetailsAsync(host);
        Assert.Equal(2, details.Count);
        Assert.All(details, d => Assert.Equal("standard:0:send_brochure:email_sent", d));
    }

    [Fact]
    public async Task AGraphFailureLeavesTheStepAReminderWithTheError()
    {
        await using var graph = await StartSendMailAsync(fail: true);
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite, mailer: Mailer(graph, enabled: true));
        var (_, dealId, _) = await EnrolAsync(host);

        await host.Nurture.RunAsync();
        host.Crm.Clock.Advance(TimeSpan.FromDays(1));
        await host.Nurture.RunAsync();

        Assert.Single(graph.SentMails);
        var details = await PlanStepDetailsAsync(host);
        Assert.Equal(2, details.Count);
        Assert.All(details, d => Assert.StartsWith("standard:0:send_brochure:email_failed:", d));
        Assert.Contains("mailbox is on fire", details[0]);
        await using var db = host.Crm.Db.Database.Open(CrmTestHost.TenantA);
        Assert.False(await db.Interactions.AnyAsync(i => i.OpportunityId == dealId && i.Kind == InteractionKind.Email));
    }

    [Fact]
    public async Task WhenFollowUpMailIsOffNothingIsSentAndTheStepIsAPlainReminder()
    {
        await using var graph = await StartSendMailAsync();
        var mailer = Mailer(graph, enabled: false);
        Assert.IsType<NoFollowUpMailer>(mailer);
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite, mailer: mailer);
        await EnrolAsync(host);

        await host.Nurture.RunAsync();

        Assert.Empty(graph.SentMails);
        Assert.Equal(["standard:0:send_brochure"], await PlanStepDetailsAsync(host));
    }

    [Fact]
    public async Task AFollowUpForADealOfAnotherTenantIsNeverSentWithTheAppsToken()
    {
        await using var graph = await StartSendMailAsync();
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite, mailer: Mailer(graph, enabled: true, tenantId: CrmTestHost.TenantB));
        var (_, dealId, _) = await EnrolAsync(host);

        await host.Nurture.RunAsync();

        Assert.Empty(graph.SentMails);
        var details = await PlanStepDetailsAsync(host);
        Assert.StartsWith("standard:0:send_brochure:email_failed:", Assert.Single(details));
        Assert.Contains("FollowUpMail:TenantId", details[0]);
        await using var db = host.Crm.Db.Database.Open(CrmTestHost.TenantA);
        Assert.False(await db.Interactions.AnyAsync(i => i.OpportunityId == dealId && i.Kind == InteractionKind.Email));
    }

    private static IFollowUpMailer Mailer(LocalGraph graph, bool enabled, string tenantId = CrmTestHost.TenantA)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FollowUpMail:Enabled"] = enabled ? "true" : "false",
            ["FollowUpMail:TenantId"] = tenantId,
            ["Graph:BaseUrl"] = new Uri(graph.Address, "v1.0").ToString(),
        }).Build();
        var services = new ServiceCollection();
        // Entra cannot be reached from a test: a fixed app-only token, while every Graph call is real HTTP.
        services.AddSingleton<IFollowUpMailToken>(new FixedToken("app-token"));
        services.AddFollowUpMail(configuration);
        return services.BuildServiceProvider().GetRequiredService<IFollowUpMailer>();
    }

    private static async Task<(Actor Rep, Guid DealId, FollowUpEnrolment Enrolment)> EnrolAsync(NotificationTestHost host)
    {
        host.Crm.Clock.SetUtcNow(Start);
        var rep = await host.UserAsync("rep");
        var deal = await host.Crm.Deals.CaptureAsync(rep, new CaptureRequest("Buyer lead") { ContactEmail = "ada@buyer.example", ContactName = "Ada Buyer" });
        var enrolment = await host.NurtureService.EnrolAsync(rep, deal.Id, "standard");
        return (rep, deal.Id, enrolment);
    }

    private static async Task<List<string>> PlanStepDetailsAsync(NotificationTestHost host) =>
        (await host.DeliveriesAsync()).Where(d => d.Kind == NotificationKind.Digest)
            .SelectMany(d => DeliveryPayload.Deserialize(d.Payload).Reminders)
            .Where(r => r.Rule == ReminderRule.PlanStep).Select(r => r.Detail!).ToList();

    private sealed class FixedToken(string token) : IFollowUpMailToken
    {
        public Task<string> GetTokenAsync(CancellationToken ct) => Task.FromResult(token);
    }

    /// <summary>Graph's sendMail on 127.0.0.1: 202 as Graph answers, or (failing) a 500 with an OData error.</summary>
    private static async Task<LocalGraph> StartSendMailAsync(bool fail = false)
    {
        var graph = await LocalGraph.StartAsync();
        graph.SendMailFails = fail;
        return graph;
    }
}
