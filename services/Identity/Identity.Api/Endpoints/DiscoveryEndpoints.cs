using Identity.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Api.Endpoints;

/// <summary>OpenID discovery and the JWKS: how every other service and the gateway learn the token signing key.</summary>
public static class DiscoveryEndpoints
{
    public static IEndpointRouteBuilder MapDiscoveryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/openid-configuration", (HttpRequest request, TokenOptions options) =>
        {
            var origin = $"{request.Scheme}://{request.Host}";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = options.Issuer,
                ["jwks_uri"] = $"{origin}/.well-known/jwks.json",
                ["token_endpoint"] = $"{origin}/api/v1/auth/token",
                ["grant_types_supported"] = new[] { "client_credentials" },
                ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
                ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
            });
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/.well-known/jwks.json", (SigningKeys keys) =>
        {
            var jwk = keys.PublicJwk;
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = jwk.Use, kid = jwk.Kid, alg = jwk.Alg, n = jwk.N, e = jwk.E } } });
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Identity checks its own tokens with the key it holds, not through its own JWKS over HTTP.</summary>
    public static IServiceCollection UseOwnSigningKeyForValidation(this IServiceCollection services)
    {
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<SigningKeys>((jwt, keys) =>
        {
            jwt.MetadataAddress = null!;
            jwt.Backchannel = null!;
            jwt.TokenValidationParameters.IssuerSigningKey = keys.Key;
        });
        return services;
    }
}
