using System.Security.Cryptography;
using System.Text;

namespace Proxy.Domain.Connections;

/// <summary>
/// How a connection's password is known without being kept: its SHA-256, lower-case hex (the control plane stores it and
/// announces it; a node compares a session's password with it). A password from a cryptographic RNG needs no slow hash.
/// </summary>
public static class ConnectionPassword
{
    public static string HashOf(string password) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));

    /// <summary>Whether <paramref name="password"/> is the one <paramref name="hash"/> was made from (compared in constant time).</summary>
    public static bool Matches(string password, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashOf(password)), Encoding.ASCII.GetBytes(hash));
}
