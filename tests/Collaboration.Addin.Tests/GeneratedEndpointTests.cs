using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Addin.Tests;

/// <summary>
/// The add-in maps about ninety minimal API endpoints. Left to ASP.NET Core's run-time factory, each one's request
/// handling is built from an expression tree and compiled when the first request arrives, a third of a second of the
/// start before the first answer (issue 18). The request delegate generator writes that code at build time instead.
/// </summary>
public class GeneratedEndpointTests
{
    [Fact]
    public async Task EveryApiEndpointsRequestHandlingWasWrittenAtBuildTimeNotCompiledAtStart()
    {
        await using var host = await AddinHost.StartAsync();

        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true).ToList();
        var compiledAtStart = endpoints.Where(e => e.RequestDelegate?.Method.DeclaringType?.Assembly != typeof(Collaboration.Addin.AddinEntryPoint).Assembly)
            .Select(e => $"{e.RoutePattern.RawText} ({e.RequestDelegate?.Method})").ToList();

        Assert.True(endpoints.Count > 50, $"only {endpoints.Count} API endpoints found");
        Assert.True(compiledAtStart.Count == 0, "built at run time: " + string.Join(", ", compiledAtStart));
    }
}
