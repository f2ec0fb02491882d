using Collaboration.Addin;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Testing;

/// <summary>The real add-in backend on a real Kestrel socket (127.0.0.1, a free port) over a fresh test database.</summary>
public sealed class AddinHost : IAsyncDisposable
{
    public const string TenantA = "tenant-a";
    public const string TenantB = "tenant-b";
    public const string RepA = "rep-a";

    private readonly Factory _factory;
    private readonly bool _ownsDatabase;

    private AddinHost(TestDatabase database, Factory factory, bool ownsDatabase)
    {
        Db = database;
        _factory = factory;
        _ownsDatabase = ownsDatabase;
        BaseAddress = factory.ClientOptions.BaseAddress;
    }

    public TestDatabase Db { get; }
    public Uri BaseAddress { get; }
    public IServiceProvider Services => _factory.Services;

    /// <param name="port">A fixed port, for settings that name the host's own address (0: any free port).</param>
    /// <param name="environment">The host environment; by default Development when no Entra app is configured (development
    /// sign-in exists only there), else Testing.</param>
    public static async Task<AddinHost> StartAsync(
        DatabaseKind kind = DatabaseKind.Sqlite, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, int port = 0,
        string? environment = null)
    {
        var database = await TestDatabase.CreateAsync(kind);
        try
        {
            return Start(database, ownsDatabase: true, settings, services, port, environment);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Another start of the app over a database an earlier host used (a restart); the caller disposes the database.</summary>
    /// <param name="port">A fixed port, for a restart that must keep its address (0: any free port).</param>
    public static AddinHost Restart(TestDatabase database, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, int port = 0) =>
        Start(database, ownsDatabase: false, settings, services, port);

    /// <summary>A port free right now, to start hosts on one after another.</summary>
    public static int FreePort() => LoopbackServer.FreePort();

    private static AddinHost Start(TestDatabase database, bool ownsDatabase, IDictionary<string, string?>? settings, Action<IServiceCollection>? services, int port = 0,
        string? environment = null)
    {
        var kind = database.Kind;
        var all = new Dictionary<string, string?>
        {
            ["Database:Provider"] = kind.ToString(),
            ["ConnectionStrings:Crm"] = database.Database.ConnectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        environment ??= string.IsNullOrEmpty(all.GetValueOrDefault("AzureAd:ClientId")) ? "Development" : "Testing";
        var factory = new Factory(all, services ?? (_ => { }), environment, port);
        try
        {
            // Not UseKestrel(port): that rewrites the server's addresses after the app's own thread may have started
            // Kestrel on them (dotnet/aspnetcore#67714); the address is a setting of the app instead (ConfigureWebHost).
            factory.UseKestrel();
            factory.StartServer();
        }
        catch
        {
            factory.Dispose();
            throw;
        }
        return new AddinHost(database, factory, ownsDatabase);
    }

    /// <summary>A client signed in through development mode as the given rep (the host has no Entra app).</summary>
    public HttpClient RepClient(string tenantId = TenantA, string objectId = RepA, string? acceptLanguage = null, bool admin = false, string? name = null)
    {
        var client = Client();
        if (admin) client.DefaultRequestHeaders.Add("X-Dev-Roles", Collaboration.Application.Access.AdminPolicy.AppRole);
        client.DefaultRequestHeaders.Add("X-Dev-Tenant", tenantId);
        client.DefaultRequestHeaders.Add("X-Dev-User", objectId);
        client.DefaultRequestHeaders.Add("X-Dev-Name", name ?? $"Rep {objectId}");
        client.DefaultRequestHeaders.Add("X-Dev-Email", $"{objectId}@seller.example");
        if (acceptLanguage is not null) client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        return client;
    }

    /// <summary>A rep holding the admin app role (development sign-in's stand-in for the token's roles claim).</summary>
    public HttpClient AdminClient(string tenantId = TenantA, string objectId = RepA, string? acceptLanguage = null) =>
        RepClient(tenantId, objectId, acceptLanguage, admin: true);

    public HttpClient Client() => _factory.CreateClient();

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        if (_ownsDatabase) await Db.DisposeAsync();
    }

    private sealed class Factory(IDictionary<string, string?> settings, Action<IServiceCollection> services, string environment, int port)
        : WebApplicationFactory<AddinEntryPoint>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, $"http://127.0.0.1:{port}");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureTestServices(services);
        }
    }
}
