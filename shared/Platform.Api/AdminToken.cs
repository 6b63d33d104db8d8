using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Api;

/// <summary>
/// The admin routes: no bearer token, but the <c>X-Admin-Token</c> header, compared in constant time with the configured
/// <c>PLATFORM_ADMIN_TOKEN</c>. Missing or wrong: 401; none configured: 503 (the route is off).
/// </summary>
public static class AdminToken
{
    public const string Header = "X-Admin-Token";
    public const string Setting = "PLATFORM_ADMIN_TOKEN";
    public const string Invalid = "Missing or invalid admin API token";
    public const string NotConfigured = "The admin API is not configured (PLATFORM_ADMIN_TOKEN is not set)";

    /// <summary>The route answers only callers with the admin token; it takes no bearer token.</summary>
    public static TBuilder RequireAdminToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireSharedSecret(Header, Setting, Invalid, NotConfigured);

    /// <summary>
    /// The route answers only callers whose <paramref name="header"/> carries the secret configured as
    /// <paramref name="setting"/>: 401 (<paramref name="invalid"/>) without it or with another, 503
    /// (<paramref name="notConfigured"/>) when none is configured. It takes no bearer token.
    /// </summary>
    public static TBuilder RequireSharedSecret<TBuilder>(this TBuilder builder, string header, string setting, string invalid, string notConfigured)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous().AddEndpointFilter(async (context, next) =>
        {
            var configured = context.HttpContext.RequestServices.GetRequiredService<IConfiguration>()[setting];
            if (string.IsNullOrEmpty(configured))
                return Results.Json(new ErrorBody(notConfigured), statusCode: StatusCodes.Status503ServiceUnavailable);
            var given = context.HttpContext.Request.Headers[header].ToString();
            return Matches(given, configured) ? await next(context) : Results.Json(new ErrorBody(invalid), statusCode: StatusCodes.Status401Unauthorized);
        });

    /// <summary>Constant-time comparison (of the two tokens' SHA-256, so their lengths don't show either).</summary>
    public static bool Matches(string given, string configured) =>
        given.Length > 0 && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
}

/// <summary>
/// What the proxy nodes call the control plane with (their state snapshot): the <c>X-Node-Token</c> header against the
/// configured <c>PLATFORM_NODE_TOKEN</c>, as the admin token is checked. The app host makes one per run.
/// </summary>
public static class NodeToken
{
    public const string Header = "X-Node-Token";
    public const string Setting = "PLATFORM_NODE_TOKEN";
    public const string Invalid = "Missing or invalid node token";
    public const string NotConfigured = "No proxy node may call (PLATFORM_NODE_TOKEN is not set)";

    public static TBuilder RequireNodeToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireSharedSecret(Header, Setting, Invalid, NotConfigured);
}
