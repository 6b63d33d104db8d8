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
        builder.AllowAnonymous().AddEndpointFilter(async (context, next) =>
        {
            var configured = context.HttpContext.RequestServices.GetRequiredService<IConfiguration>()[Setting];
            if (string.IsNullOrEmpty(configured))
                return Results.Json(new ErrorBody(NotConfigured), statusCode: StatusCodes.Status503ServiceUnavailable);
            var given = context.HttpContext.Request.Headers[Header].ToString();
            return Matches(given, configured) ? await next(context) : Results.Json(new ErrorBody(Invalid), statusCode: StatusCodes.Status401Unauthorized);
        });

    /// <summary>Constant-time comparison (of the two tokens' SHA-256, so their lengths don't show either).</summary>
    public static bool Matches(string given, string configured) =>
        given.Length > 0 && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
}
