using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Testing;

/// <summary>
/// Signs tokens the way Identity does (RS256, issuer, audience) with a key of the test's own, whose public half the
/// service under test is configured to trust. Also makes the bad ones: expired, tampered, foreign key, wrong audience.
/// </summary>
public sealed class TestTokens
{
    public const string Issuer = "platform-identity";
    public const string Audience = "platform-api";
    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _foreignKey = RSA.Create(2048);
    private readonly JsonWebTokenHandler _handler = new();

    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    public string For(string userId, string name = "Test User", string country = "US", TimeSpan? lifetime = null,
        string audience = Audience, bool foreignKey = false, DateTime? now = null) =>
        Sign([new Claim("sub", userId), new Claim("name", name), new Claim("country", country)], lifetime, audience, foreignKey, now);

    /// <summary>An agent token: the device's owner as subject, the device, and for a running task also the task.</summary>
    public string ForAgent(string ownerId, string remoteDeviceId, string? jobTaskId = null)
    {
        List<Claim> claims = [new("sub", ownerId), new("name", "Device Owner"), new("country", "US"), new("remote_device_id", remoteDeviceId)];
        if (jobTaskId is not null) claims.Add(new Claim("job_task_id", jobTaskId));
        return Sign(claims, null, Audience, false, null);
    }

    private string Sign(List<Claim> claims, TimeSpan? lifetime, string audience, bool foreignKey, DateTime? now)
    {
        var issued = now ?? DateTime.UtcNow;
        var expires = issued + (lifetime ?? TimeSpan.FromMinutes(15));
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(foreignKey ? _foreignKey : _key), SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity([.. claims, new Claim("jti", Guid.NewGuid().ToString("N"))]),
        });
    }

    public string Expired(string userId) => For(userId, now: DateTime.UtcNow.AddHours(-2), lifetime: TimeSpan.FromMinutes(15));

    /// <summary>A valid token whose payload was changed after signing (another user id).</summary>
    public string Tampered(string userId, string otherUserId)
    {
        var parts = For(userId).Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace(userId, otherUserId, StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }
}
