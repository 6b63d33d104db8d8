using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// Who is calling, by address, behind proxies. X-Forwarded-For is believed only when the request comes from one of the
/// trusted proxies' networks (CIDRs); from anyone else the header is the caller's own invention and the connection's
/// address is the caller's. The middleware puts the result in <c>Connection.RemoteIpAddress</c>, so every limit and log
/// after it uses it. One hop is read: each proxy in front replaces (or appends to) the header, so its last entry is
/// the address the nearest trusted proxy saw.
/// </summary>
public static class TrustedProxies
{
    /// <summary>The networks in <paramref name="cidrs"/> (comma-separated; empty: none); an entry that is not one stops the process at start, naming it and <paramref name="setting"/>.</summary>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, string setting, string? cidrs)
    {
        var networks = (cidrs ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => System.Net.IPNetwork.TryParse(entry, out var network) ? network
                : throw new InvalidOperationException($"{setting.Replace(":", "__", StringComparison.Ordinal)}: '{entry}' is not a network (CIDR)"))
            .ToList();
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            // No trusted proxy: the header is read from nobody (empty lists would make the middleware believe everyone).
            options.ForwardedHeaders = networks.Count > 0 ? ForwardedHeaders.XForwardedFor : ForwardedHeaders.None;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var network in networks) options.KnownIPNetworks.Add(network);
            options.ForwardLimit = 1;
        });
    }

    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
