using Identity.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Identity.Api;

public static class OwnTokenValidation
{
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
