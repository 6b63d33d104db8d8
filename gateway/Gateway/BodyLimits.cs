using Microsoft.AspNetCore.Http.Features;
using Platform.ServiceDefaults.Http;
using Yarp.ReverseProxy.Model;

namespace Gateway;

/// <summary>
/// The gateway refuses a body its target service would refuse, so that a client always gets a 413 from the gateway
/// rather than a 502 from a service that answered 413 and closed while the gateway was still sending. A declared length
/// over the route's limit is refused before anything is forwarded; an undeclared (chunked) body is counted as it is read
/// and refused as soon as it passes the limit, which the service then never sees.
/// </summary>
public static class BodyLimits
{
    /// <summary>Proxy pipeline step; <paramref name="gatewayMax"/> caps every route's limit.</summary>
    public static async Task EnforceAsync(HttpContext context, Func<Task> next, long gatewayMax)
    {
        var limit = Math.Min(RouteLimit(context) ?? gatewayMax, gatewayMax);
        if (context.Request.ContentLength > limit)
        {
            await RequestBodyLimits.RefuseAsync(context, limit);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        await next();

        // YARP answers a body that failed while it was read with a bare 400 or 502; a body over the limit is a 413.
        if (context.GetForwarderErrorFeature() is { } error && RequestBodyLimits.IsBodyTooLarge(error.Exception) && !context.Response.HasStarted)
            await RequestBodyLimits.RefuseAsync(context, limit);
    }

    private static long? RouteLimit(HttpContext context) =>
        context.Features.Get<IReverseProxyFeature>()?.Route.Config.Metadata?.TryGetValue(PublicRoutes.MaxRequestBodyBytesKey, out var value) == true
        && long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var bytes)
            ? bytes
            : null;
}
