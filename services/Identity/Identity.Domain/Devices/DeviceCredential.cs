namespace Identity.Domain.Devices;

/// <summary>
/// The credentials of a registered device (from Devices' DeviceRegistered): its agent signs in with client id
/// <see cref="RemoteDeviceId"/> and the device secret, kept as its hash. Its tokens act for <see cref="OwnerId"/> and
/// carry the device's id.
/// </summary>
public sealed record DeviceCredential(string RemoteDeviceId, string OwnerId, string SecretHash, DateTime IssuedAt);
