using Collaboration.Addin;
using Collaboration.Addin.Administration;
using Collaboration.Addin.Auth;
using Collaboration.Addin.Capture;
using Collaboration.Addin.Compose;
using Collaboration.Addin.Dashboard;
using Collaboration.Addin.Emails;
using Collaboration.Addin.Graph;
using Collaboration.Addin.Imports;
using Collaboration.Addin.Opportunities;
using Collaboration.Addin.Pipeline;
using Collaboration.Addin.Quotes;
using Collaboration.Addin.Reports;
using Collaboration.Addin.TaskPane;
using Collaboration.Addin.Try;
using Collaboration.Application;
using Collaboration.Application.Administration;
using Collaboration.Application.DemoData;
using Collaboration.Infrastructure;
using Collaboration.Infrastructure.Administration;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCrm(builder.Configuration);
builder.Services.AddOrganisationSync(builder.Configuration);
builder.Services.AddSingleton<DemoDataSeeder>();
builder.AddAddinApi();

var app = builder.Build();
await app.Services.MigrateCrmDatabaseAsync();
if (app.Configuration.GetValue<bool>("DemoData:Seed"))
{
    var seeded = await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync();
    app.Logger.LogInformation("Demo data {Outcome}.", seeded ? "written" : "already present");
}

app.WarnIfDevelopmentMode();
app.UseNoSniff();
app.UseProxies();
app.UseDevelopmentSignInGuard();
app.UseExceptionHandler();
app.UseStatusCodePages();
await app.UseTryItAsync();
app.UseTaskPane();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
// The API's map helps an attacker as much as a developer: served in Development only.
if (app.Environment.IsDevelopment()) app.MapOpenApi();
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
app.MapEmails();
app.MapCompose();
app.MapMeetings();
app.MapOpportunities();
app.MapDealUpkeep();
app.MapWebForms();
app.MapAssignmentRules();
app.MapImports();
app.MapSalesMailbox();
app.MapReports();
app.MapPipeline();
app.MapDashboard();
app.MapMe();
app.MapPipelineAdmin();
app.MapPeopleAdmin();
app.MapQuotaAdmin();
app.MapNurtureAdmin();
app.MapFreeMailAdmin();
app.MapAuditAdmin();
app.MapProductAdmin();
app.MapQuotes();
app.MapQuotePane();
app.MapConvertReports();
app.Run();

public partial class Program;
