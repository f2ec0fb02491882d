using Collaboration.Bot;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collaboration.Testing;

/// <summary>
/// The real bot host as Program.cs builds it (<see cref="BotHost"/>, Development: no app id, loopback service URLs)
/// on Kestrel at a free port of 127.0.0.1, over a given database; the caller disposes the database.
/// </summary>
public sealed class BotApp : IAsyncDisposable
{
    private BotApp(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseAddress { get; }

    public int Port => BaseAddress.Port;

    /// <summary>Where Teams (or the Agents Playground) posts activities.</summary>
    public string MessagesEndpoint => $"http://127.0.0.1:{Port}{BotHost.MessagesPath}";

    /// <param name="settings">Over the database settings (e.g. Notifications:*, MicrosoftAppId).</param>
    public static async Task<BotApp> StartAsync(TestDatabase db, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        const string url = "http://127.0.0.1:0";
        var app = BotHost.Build(["--environment", "Development"], builder =>
        {
            builder.Logging.ClearProviders();
            var values = new Dictionary<string, string?>
            {
                ["Urls"] = url,
                ["Database:Provider"] = db.Database.Provider.ToString(),
                ["ConnectionStrings:Crm"] = db.Database.ConnectionString,
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
            builder.Configuration.AddInMemoryCollection(values);
            builder.WebHost.UseUrls(url);
            services?.Invoke(builder.Services);
        });
        try
        {
            await BotHost.PrepareAsync(app);
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new BotApp(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
