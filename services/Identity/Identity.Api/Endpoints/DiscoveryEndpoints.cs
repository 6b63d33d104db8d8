using Identity.Application.Tokens;
using Mediator;
using Platform.Api;

namespace Identity.Api.Endpoints;

/// <summary>OpenID discovery and the JWKS: how every other service and the gateway learn the token signing key.</summary>
public static class DiscoveryEndpoints
{
    public static IEndpointRouteBuilder MapDiscoveryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/openid-configuration", async (HttpRequest request, ISender mediator, CancellationToken ct) =>
            (await mediator.Send(new GetSigningKeys(), ct)).ToHttp(keys => Results.Json(DiscoveryDocument(keys, $"{request.Scheme}://{request.Host}"))))
            .AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/.well-known/jwks.json", Jwks).AllowAnonymous().ExcludeFromDescription();
        // Route 69: the same keys under the API's auth path.
        app.MapGet("/api/v1/auth/.well-known/jwks.json", Jwks).AllowAnonymous().WithTags("Auth").WithName("GetJwks")
            .WithSummary("The public keys that verify access tokens (JWKS); no token needed.");
        return app;
    }

    private static async Task<IResult> Jwks(ISender mediator, CancellationToken ct) =>
        (await mediator.Send(new GetSigningKeys(), ct)).ToHttp(keys => Results.Json(new
        {
            keys = keys.Keys.Select(k => new { kty = k.KeyType, use = k.Use, kid = k.KeyId, alg = k.Algorithm, n = k.Modulus, e = k.Exponent }),
        }));

    private static Dictionary<string, object> DiscoveryDocument(SigningKeySet keys, string origin) => new()
    {
        ["issuer"] = keys.Issuer,
        ["jwks_uri"] = $"{origin}/.well-known/jwks.json",
        ["token_endpoint"] = $"{origin}/api/v1/auth/token",
        ["grant_types_supported"] = new[] { "client_credentials" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        ["id_token_signing_alg_values_supported"] = keys.Keys.Select(k => k.Algorithm).Distinct().ToArray(),
    };
}
