using Devices.Application.Ports;
using Mediator;
using Platform.Application.Results;

namespace Devices.Application.Devices;

/// <summary>
/// The sweep: devices whose agent missed heartbeats for <see cref="DevicesOptions.OfflineAfter"/> go offline
/// (<c>DeviceOffline</c>). A device that heartbeats while the sweep writes it wins: the sweep reads it again and leaves it.
/// Returns how many went offline.
/// </summary>
public sealed record MarkSilentDevicesOffline : ICommand<Result<int>>;

public sealed class MarkSilentDevicesOfflineHandler(IDeviceRepository devices, DevicesOptions options, TimeProvider clock)
    : ICommandHandler<MarkSilentDevicesOffline, Result<int>>
{
    private const int Batch = 500;

    public async ValueTask<Result<int>> Handle(MarkSilentDevicesOffline command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var offline = 0;
        foreach (var silent in await devices.FindSilentAsync(now - options.OfflineAfter, Batch, cancellationToken))
        {
            for (var device = silent; device is not null; device = await devices.GetAsync(silent.Id, cancellationToken))
            {
                if (!device.GoOfflineIfSilent(now, options.OfflineAfter)) break;
                if (await devices.TrySaveAsync(device, cancellationToken))
                {
                    offline++;
                    break;
                }
            }
        }
        return offline;
    }
}
