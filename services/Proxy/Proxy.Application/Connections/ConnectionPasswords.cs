using System.Security.Cryptography;
using Proxy.Application.Ports;
using Proxy.Domain.Connections;

namespace Proxy.Application.Connections;

/// <summary>A new password, encrypted for keeping and hashed for the proxy nodes.</summary>
public sealed record IssuedPassword(string Plain, string Protected, string Hash);

/// <summary>
/// Connection passwords: 16 characters from a cryptographic RNG over letters and digits (about 93 bits), kept encrypted
/// (to show their owner) and as their hash (<see cref="ConnectionPassword"/>, what the proxy nodes check against).
/// </summary>
public sealed class ConnectionPasswords(IPasswordProtector protector)
{
    public const int Length = 16;
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public IssuedPassword Issue()
    {
        var plain = RandomNumberGenerator.GetString(Alphabet, Length);
        return new IssuedPassword(plain, protector.Protect(plain), ConnectionPassword.HashOf(plain));
    }

    public string Reveal(string protectedPassword) => protector.Unprotect(protectedPassword);
}
