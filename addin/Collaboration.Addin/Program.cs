using Collaboration.Addin;
using Collaboration.Addin.Auth;
using Collaboration.Addin.Emails;
using Collaboration.Addin.Opportunities;
using Collaboration.Application;
using Collaboration.Application.DemoData;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCrm(builder.Configuration);
builder.Services.AddSingleton<DemoDataSeeder>();
builder.AddAddinApi();

var app = builder.Build();
await app.Services.MigrateCrmDatabaseAsync();
if (app.Configuration.GetValue<bool>("DemoData:Seed"))
{
    var seeded = await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync();
    app.Logger.LogInformation(seeded ? "Demo data written." : "Demo data already present.");
}

app.WarnIfDevelopmentMode();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles(); // wwwroot: the task pane, the icons and the support/privacy/terms pages both manifests name
app.UseAuthentication();
app.UseAuthorization();
app.MapOpenApi();
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
app.MapEmails();
app.MapOpportunities();
app.Run();

public partial class Program;
