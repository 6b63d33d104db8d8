using Microsoft.AspNetCore.Http;

namespace Platform.Api;

/// <summary>
/// Who is calling, by address. A service is reached through the gateway, which says whom it forwards in
/// X-Forwarded-For; a service believes it only from its trusted proxies (Http:TrustedProxies, CIDRs; by default this
/// machine's loopback, where the gateway runs in local runs; in a cluster, the gateway's network), see
/// ServiceDefaults' TrustedProxies.
/// </summary>
public static class ClientAddress
{
    public const string TrustedProxiesSetting = "Http:TrustedProxies";
    public const string DefaultTrustedProxies = "127.0.0.0/8,::1/128";

    /// <summary>The caller's IP address, as the trusted proxies said (IPv4-mapped addresses as IPv4).</summary>
    public static string? ClientIp(this HttpContext context) => context.Connection.RemoteIpAddress is { } address
        ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
        : null;
}
