using System.Security.Claims;
using Identity.Application.Ports;
using Identity.Domain.Users;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Infrastructure.Security;

/// <summary>Short-lived RS256 JWTs with issuer, audience, the user id as subject and the profile claims services need.</summary>
public sealed class JwtTokenIssuer(SigningKeys keys, TokenOptions options, TimeProvider clock) : ITokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new();

    public AccessToken Issue(User user, string clientId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(options.TokenLifetimeMinutes);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = keys.Credentials,
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", user.Id),
                new Claim("name", user.Name),
                new Claim("country", user.Country),
                new Claim("client_id", clientId),
                new Claim("jti", Guid.NewGuid().ToString("N")),
            ]),
        });
        return new AccessToken(token, (int)lifetime.TotalSeconds);
    }
}
