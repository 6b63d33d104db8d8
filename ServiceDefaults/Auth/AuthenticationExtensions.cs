using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Auth;

public static class AuthenticationExtensions
{
    public const string MetadataClient = "auth-metadata";

    /// <summary>
    /// JWT bearer validation for every service and the gateway: issuer, audience, lifetime and an asymmetric signature.
    /// A missing or invalid token gets 401 with a problem body; the fallback policy requires an authenticated caller,
    /// so a route is public only when it says AllowAnonymous.
    /// </summary>
    /// <param name="cacheValidatedTokens">Remember valid tokens until they expire (for the gateway, which sees each token often).</param>
    public static IHostApplicationBuilder AddPlatformAuthentication(this IHostApplicationBuilder builder, bool cacheValidatedTokens = false)
    {
        var options = builder.Configuration.GetSection(PlatformAuthOptions.Section).Get<PlatformAuthOptions>() ?? new PlatformAuthOptions();
        builder.Services.Configure<PlatformAuthOptions>(builder.Configuration.GetSection(PlatformAuthOptions.Section));
        builder.Services.AddHttpClient(MetadataClient);

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IHttpClientFactory>((jwt, clients) =>
            {
                jwt.MapInboundClaims = false;
                if (cacheValidatedTokens)
                {
                    jwt.TokenHandlers.Clear();
                    jwt.TokenHandlers.Add(new CachingJsonWebTokenHandler(TimeProvider.System) { MapInboundClaims = false });
                }
                jwt.RequireHttpsMetadata = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    ValidateIssuerSigningKey = true,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = PlatformClaims.Name,
                };
                if (!string.IsNullOrWhiteSpace(options.PublicKeyPem))
                {
                    var rsa = RSA.Create();
                    rsa.ImportFromPem(options.PublicKeyPem);
                    jwt.TokenValidationParameters.IssuerSigningKey = new RsaSecurityKey(rsa);
                }
                else
                {
                    jwt.MetadataAddress = options.MetadataAddress;
                    jwt.Backchannel = clients.CreateClient(MetadataClient);
                }
                jwt.Events = new JwtBearerEvents
                {
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.Response.Headers.WWWAuthenticate = "Bearer";
                        await Results.Problem(
                            statusCode: StatusCodes.Status401Unauthorized,
                            title: "Unauthorized",
                            detail: context.AuthenticateFailure is null ? "A bearer token is required." : "The bearer token is invalid or expired.")
                            .ExecuteAsync(context.HttpContext);
                    },
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }
}
