using System.Security.Cryptography;
using System.Text;
using Identity.Application.Ports;

namespace Identity.Infrastructure.Security;

/// <summary>
/// Client ids are public, secrets are 256 random bits. A secret that random needs no slow KDF: it is stored as its
/// SHA-256 and compared in constant time, which keeps the token endpoint fast.
/// </summary>
public sealed class ClientSecrets : IClientSecrets
{
    public (string ClientId, string Secret, string SecretHash) Create()
    {
        var clientId = "cl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (clientId, secret, HashOf(secret));
    }

    public bool Verify(string secret, string secretHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashOf(secret)), Encoding.ASCII.GetBytes(secretHash));

    private static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
