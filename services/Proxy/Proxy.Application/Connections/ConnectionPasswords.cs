using System.Security.Cryptography;
using System.Text;
using Proxy.Application.Ports;

namespace Proxy.Application.Connections;

/// <summary>A new password, encrypted for keeping and hashed for the proxy nodes.</summary>
public sealed record IssuedPassword(string Plain, string Protected, string Hash);

/// <summary>
/// Connection passwords: 16 characters from a cryptographic RNG over letters and digits (about 95 bits), kept encrypted
/// (to show their owner) and as a SHA-256 hash (what the proxy nodes check a session's password against; a password this
/// random needs no slow hash).
/// </summary>
public sealed class ConnectionPasswords(IPasswordProtector protector)
{
    public const int Length = 16;
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public IssuedPassword Issue()
    {
        var plain = RandomNumberGenerator.GetString(Alphabet, Length);
        return new IssuedPassword(plain, protector.Protect(plain), HashOf(plain));
    }

    public string Reveal(string protectedPassword) => protector.Unprotect(protectedPassword);

    /// <summary>SHA-256 of the password, lower-case hex: what the nodes compare a session's password with.</summary>
    public static string HashOf(string password) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
}
