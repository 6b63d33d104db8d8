using Identity.Application.Ports;
using Mediator;
using Platform.Application.Results;

namespace Identity.Application.Devices;

/// <summary>
/// Route 68: a phone's owner issues it a new device secret (shown this once; the old one stops working at once) or
/// revokes it (<paramref name="Revoke"/>: nothing signs in as the phone until a new secret is issued; tokens already
/// issued run out within their lifetime). Anyone else's phone, or one Identity has not heard of, is a 404.
/// </summary>
public sealed record ChangeDeviceSecret(string OwnerId, string RemoteDeviceId, bool Revoke) : ICommand<Result<string?>>;

public sealed class ChangeDeviceSecretHandler(IDeviceCredentials devices, IClientSecrets secrets, TimeProvider clock)
    : ICommandHandler<ChangeDeviceSecret, Result<string?>>
{
    public const string NotFound = "Device not found";

    public async ValueTask<Result<string?>> Handle(ChangeDeviceSecret command, CancellationToken cancellationToken)
    {
        var device = Guid.TryParse(command.RemoteDeviceId, out var id) ? await devices.FindAsync(id.ToString(), cancellationToken) : null;
        if (device is null || device.OwnerId != command.OwnerId) return Error.NotFound(NotFound);
        var now = clock.GetUtcNow().UtcDateTime;
        if (command.Revoke)
        {
            await devices.ReplaceSecretAsync(device.RemoteDeviceId, null, now, cancellationToken);
            return Result<string?>.Success(null);
        }
        var (_, secret, hash) = secrets.Create();
        await devices.ReplaceSecretAsync(device.RemoteDeviceId, hash, now, cancellationToken);
        return secret;
    }
}
