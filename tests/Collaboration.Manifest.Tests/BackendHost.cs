extern alias addin;
using Collaboration.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Collaboration.Manifest.Tests;

/// <summary>The real add-in backend on Kestrel (127.0.0.1, a free port) over a fresh SQLite database: what the manifests' URLs must reach.</summary>
public sealed class BackendHost : IAsyncDisposable
{
    private readonly Factory _factory;
    private readonly TestDatabase _database;

    private BackendHost(TestDatabase database, Factory factory)
    {
        _database = database;
        _factory = factory;
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseAddress => _factory.ClientOptions.BaseAddress;

    public static async Task<BackendHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var all = new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseKind.Sqlite),
            ["ConnectionStrings:Crm"] = database.Database.ConnectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var factory = new Factory(all);
        factory.UseKestrel(0);
        factory.StartServer();
        return new BackendHost(database, factory);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    private sealed class Factory(IDictionary<string, string?> settings) : WebApplicationFactory<addin::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Development sign-in (no Entra app) exists only in the Development environment; with an Entra app, Testing.
            builder.UseEnvironment(string.IsNullOrEmpty(settings.TryGetValue("AzureAd:ClientId", out var clientId) ? clientId : null) ? "Development" : "Testing");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}
