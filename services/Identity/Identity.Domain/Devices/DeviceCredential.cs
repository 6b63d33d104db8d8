namespace Identity.Domain.Devices;

/// <summary>
/// The credentials of a registered device (from Devices' DeviceRegistered): its agent signs in with client id
/// <see cref="RemoteDeviceId"/> and the device secret, kept as its hash. Its tokens act for <see cref="OwnerId"/> and
/// carry the device's id. A revoked credential has no secret (<see cref="SecretHash"/> null): nothing signs in with it
/// until its owner issues a new one.
/// </summary>
public sealed record DeviceCredential(string RemoteDeviceId, string OwnerId, string? SecretHash, DateTime IssuedAt)
{
    public bool IsRevoked => SecretHash is null;
}
