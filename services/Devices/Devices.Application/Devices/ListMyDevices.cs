using Devices.Application.Ports;
using Devices.Domain.Devices;
using Mediator;
using Platform.Application;
using Platform.Application.Results;

namespace Devices.Application.Devices;

/// <summary>Route 20: the devices the caller owns, and the live-payment devices they rent now (route 59).</summary>
public sealed record ListMyDevices(Caller Caller) : IQuery<Result<IReadOnlyList<Device>>>;

public sealed class ListMyDevicesHandler(IDeviceRepository devices) : IQueryHandler<ListMyDevices, Result<IReadOnlyList<Device>>>
{
    public async ValueTask<Result<IReadOnlyList<Device>>> Handle(ListMyDevices query, CancellationToken cancellationToken) =>
        Result<IReadOnlyList<Device>>.Success(await devices.ListOwnedOrRentedAsync(query.Caller.UserId, cancellationToken));
}
