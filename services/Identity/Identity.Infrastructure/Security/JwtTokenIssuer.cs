using System.Security.Claims;
using Identity.Application.Ports;
using Identity.Domain.Users;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Infrastructure.Security;

/// <summary>Short-lived RS256 JWTs with issuer, audience, the user id as subject and the profile claims services need; an agent token adds the device.</summary>
public sealed class JwtTokenIssuer(SigningKeys keys, TokenOptions options, TimeProvider clock) : ITokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new();

    public AccessToken Issue(User user, string clientId, string? remoteDeviceId = null, string? jobTaskId = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromMinutes(options.TokenLifetimeMinutes);
        List<Claim> claims =
        [
            new("sub", user.Id),
            new("name", user.Name),
            new("country", user.Country),
            new("client_id", clientId),
            new("jti", Guid.NewGuid().ToString("N")),
        ];
        if (remoteDeviceId is not null) claims.Add(new Claim("remote_device_id", remoteDeviceId));
        if (jobTaskId is not null) claims.Add(new Claim("job_task_id", jobTaskId));
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = keys.Credentials,
            Subject = new ClaimsIdentity(claims),
        });
        return new AccessToken(token, (int)lifetime.TotalSeconds);
    }
}
