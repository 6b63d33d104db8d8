using Identity.Application.Ports;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Infrastructure.Security;

public sealed class TokenOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "platform-identity";
    public string Audience { get; set; } = "platform-api";
    public int TokenLifetimeMinutes { get; set; } = 15;
    /// <summary>The RSA private key (PEM). Production sets it; local runs create one in the data folder on first start.</summary>
    public string? SigningKeyPem { get; set; }
}

/// <summary>The RSA key tokens are signed with; its public half is published as a JWKS for every validator.</summary>
public sealed class SigningKeys : ITokenSigningKeys
{
    public SigningKeys(TokenOptions options, string dataDirectory)
    {
        var rsa = RSA.Create();
        if (!string.IsNullOrWhiteSpace(options.SigningKeyPem))
        {
            rsa.ImportFromPem(options.SigningKeyPem);
        }
        else
        {
            var file = Path.Combine(dataDirectory, "identity-signing-key.pem");
            if (File.Exists(file))
            {
                rsa.ImportFromPem(File.ReadAllText(file));
            }
            else
            {
                rsa.KeySize = 2048;
                Directory.CreateDirectory(dataDirectory);
                var temp = file + ".tmp";
                File.WriteAllText(temp, rsa.ExportPkcs8PrivateKeyPem());
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                File.Move(temp, file, overwrite: false);
            }
        }

        var parameters = rsa.ExportParameters(false);
        var keyId = Base64UrlEncoder.Encode(SHA256.HashData([.. parameters.Modulus!, .. parameters.Exponent!]))[..16];
        Key = new RsaSecurityKey(rsa) { KeyId = keyId };
        Credentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256);
        PublicJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(parameters) { KeyId = keyId });
        PublicJwk.Use = "sig";
        PublicJwk.Alg = SecurityAlgorithms.RsaSha256;
        Issuer = options.Issuer;
        PublicKeys = [new PublicSigningKey(PublicJwk.Kty, PublicJwk.Use, PublicJwk.Kid, PublicJwk.Alg, PublicJwk.N, PublicJwk.E)];
    }

    public string Issuer { get; }
    public IReadOnlyList<PublicSigningKey> PublicKeys { get; }

    public RsaSecurityKey Key { get; }
    public SigningCredentials Credentials { get; }
    public JsonWebKey PublicJwk { get; }
}
