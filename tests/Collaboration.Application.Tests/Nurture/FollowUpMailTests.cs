using System.Text.Json.Nodes;
using Collaboration.Application.Capture;
using Collaboration.Application.Notifications;
using Collaboration.Application.Nurture;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Nurture;
using Collaboration.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Collaboration.Infrastructure.Nurture;

namespace Collaboration.Application.Tests.Nurture;

public class FollowUpMailTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ADueEmailStepIsSentOnceFromTheRepsMailboxAndLoggedOnTheDeal()
    {
        await using var graph = await SendMailGraph.StartAsync();
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite, mailer: Mailer(graph, enabled: true));
        Assert.IsType<GraphFollowUpMailer>(Mailer(graph, enabled: true));
        var (rep, dealId, enrolment) = await EnrolAsync(host);

        await host.Nurture.RunAsync();
        host.Crm.Clock.Advance(TimeSpan.FromDays(1));
        await host.Nurture.RunAsync();

        var call = Assert.Single(graph.Calls);
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
        await using var graph = await SendMailGraph.StartAsync(fail: true);
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite, mailer: Mailer(graph, enabled: true));
        var (_, dealId, _) = await EnrolAsync(host);

        await host.Nurture.RunAsync();
        host.Crm.Clock.Advance(TimeSpan.FromDays(1));
        await host.Nurture.RunAsync();

        Assert.Single(graph.Calls);
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
        await using var graph = await SendMailGraph.StartAsync();
        var mailer = Mailer(graph, enabled: false);
        Assert.IsType<NoFollowUpMailer>(mailer);
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite, mailer: mailer);
        await EnrolAsync(host);

        await host.Nurture.RunAsync();

        Assert.Empty(graph.Calls);
        Assert.Equal(["standard:0:send_brochure"], await PlanStepDetailsAsync(host));
    }

    [Fact]
    public async Task AFollowUpForADealOfAnotherTenantIsNeverSentWithTheAppsToken()
    {
        await using var graph = await SendMailGraph.StartAsync();
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite, mailer: Mailer(graph, enabled: true, tenantId: CrmTestHost.TenantB));
        var (_, dealId, _) = await EnrolAsync(host);

        await host.Nurture.RunAsync();

        Assert.Empty(graph.Calls);
        var details = await PlanStepDetailsAsync(host);
        Assert.StartsWith("standard:0:send_brochure:email_failed:", Assert.Single(details));
        Assert.Contains("FollowUpMail:TenantId", details[0]);
        await using var db = host.Crm.Db.Database.Open(CrmTestHost.TenantA);
        Assert.False(await db.Interactions.AnyAsync(i => i.OpportunityId == dealId && i.Kind == InteractionKind.Email));
    }

    private static IFollowUpMailer Mailer(SendMailGraph graph, bool enabled, string tenantId = CrmTestHost.TenantA)
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

    private sealed record GraphCall(string Path, string? Authorization, JsonNode Body);

    /// <summary>Graph's sendMail on 127.0.0.1: 202 as Graph answers, or a 500 with an OData error.</summary>
    private sealed class SendMailGraph : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly List<GraphCall> _calls = [];

        private SendMailGraph(WebApplication app) => _app = app;

        public Uri Address { get; private set; } = null!;

        public IReadOnlyList<GraphCall> Calls
        {
            get { lock (_calls) return [.. _calls]; }
        }

        public static async Task<SendMailGraph> StartAsync(bool fail = false)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var self = new SendMailGraph(app);
            app.MapPost("/v1.0/users/{id}/sendMail", async (HttpContext context) =>
            {
                // Graph reads action parameters case-insensitively (the SDK writes "Message" and "SaveToSentItems").
                var body = await JsonNode.ParseAsync(context.Request.Body, new JsonNodeOptions { PropertyNameCaseInsensitive = true }) ?? new JsonObject();
                lock (self._calls) self._calls.Add(new GraphCall(context.Request.Path, context.Request.Headers.Authorization.FirstOrDefault(), body));
                return fail
                    ? Results.Json(new { error = new { code = "ErrorInternalServerError", message = "The mailbox is on fire." } }, statusCode: 500)
                    : Results.StatusCode(202);
            });
            await app.StartAsync();
            self.Address = new Uri(app.Urls.First() + "/");
            return self;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
