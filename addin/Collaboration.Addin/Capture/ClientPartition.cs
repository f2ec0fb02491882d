using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.HttpOverrides;

namespace Collaboration.Addin.Capture;

/// <summary>Settings under <c>ForwardedHeaders</c>: the reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed.</summary>
public sealed class ProxyOptions
{
    /// <summary>Addresses of the proxies in front of this host, e.g. 10.0.0.4.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR form, e.g. 10.0.0.0/24.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Configured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

/// <summary>Who a request comes from, for rate limits: behind a configured proxy the forwarded client, and an IPv6 client by its /64.</summary>
public static class ClientPartition
{
    /// <summary>
    /// Forwarded headers are read only from the configured proxies (none by default: the built-in loopback defaults are
    /// cleared), so a client cannot pick its own address; with no proxy configured the middleware is not used at all.
    /// </summary>
    public static WebApplicationBuilder AddProxies(this WebApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection("ForwardedHeaders").Get<ProxyOptions>() ?? new ProxyOptions();
        builder.Services.AddSingleton(proxies);
        if (!proxies.Configured) return builder;
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.KnownProxies) options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            foreach (var network in proxies.KnownNetworks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        });
        return builder;
    }

    public static WebApplication UseProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ProxyOptions>().Configured) app.UseForwardedHeaders();
        return app;
    }

    /// <summary>
    /// The rate-limit key of a client address: an IPv4 address itself (IPv4-mapped IPv6 included), an IPv6 address by
    /// its /64, the smallest block a home or cloud customer is given, so rotating through it buys no extra submissions.
    /// </summary>
    public static string Of(IPAddress? address)
    {
        if (address is null) return "none";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
