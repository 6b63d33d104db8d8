namespace Devices.Application.Ports;

/// <summary>Creates a device's secret (shown once) and the hash Identity checks its sign-ins against.</summary>
public interface IDeviceSecrets
{
    (string Secret, string SecretHash) Create();
}
