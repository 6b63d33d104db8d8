using System.Security.Cryptography;
using System.Text;
using Devices.Application.Ports;

namespace Devices.Infrastructure.Security;

/// <summary>
/// A device secret is 256 random bits (base64url). Identity keeps API client secrets as their SHA-256 in lower-case hex
/// and checks device sign-ins the same way, so that is the hash <c>DeviceRegistered</c> carries; the secret itself
/// never leaves this answer.
/// </summary>
public sealed class DeviceSecrets : IDeviceSecrets
{
    public (string Secret, string SecretHash) Create()
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (secret, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))));
    }
}
