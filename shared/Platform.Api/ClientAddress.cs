using Microsoft.AspNetCore.Http;

namespace Platform.Api;

public static class ClientAddress
{
    /// <summary>
    /// The caller's IP address: the first X-Forwarded-For entry the gateway set (it replaces whatever the client sent),
    /// else the connection's remote address.
    /// </summary>
    public static string? ClientIp(this HttpContext context)
    {
        var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
        if (forwarded.Length > 0)
        {
            var first = forwarded.Split(',')[0].Trim();
            if (System.Net.IPAddress.TryParse(first, out var address)) return address.ToString();
        }
        return context.Connection.RemoteIpAddress?.ToString();
    }
}
