using Devices.Application.Devices;
using Devices.Application.Ports;
using Devices.Domain.Devices;
using Mediator;
using Platform.Application;
using Platform.Application.Results;

namespace Devices.Application.Rentals;

/// <summary>
/// Route 59, DELETE: the renter ends their rental now. The device is free again (back on the market if its owner
/// still lists it); Payments bills the hours that started before the end (RentalEnded), none after.
/// </summary>
public sealed record EndRental(Caller Caller, string RemoteDeviceId) : ICommand<Result<EndedRental>>;

/// <summary>The rental as it ended, and how many hours it was billed (every hour that started).</summary>
public sealed record EndedRental(Device Device, DeviceRental Rental, DateTime EndedAt)
{
    public int HoursBilled => Math.Max(1, (int)Math.Ceiling((EndedAt - Rental.StartedAt).TotalHours));
}

public sealed class EndRentalHandler(IDeviceRepository devices, TimeProvider clock) : ICommandHandler<EndRental, Result<EndedRental>>
{
    public const string NotRenting = "You don't rent this device";

    public async ValueTask<Result<EndedRental>> Handle(EndRental command, CancellationToken cancellationToken)
    {
        EndedRental? ended = null;
        var found = await devices.FindAsync(command.RemoteDeviceId, cancellationToken);
        if (found is null) return Error.NotFound(DeviceAccess.NotFound);
        await devices.ChangeAsync(found, device =>
        {
            ended = null;
            if (device.Rental is not { } rental || rental.RenterId != command.Caller.UserId) return false;
            var now = clock.GetUtcNow().UtcDateTime;
            device.EndRental(rental.RentalId, RentalEndReasons.Renter, now);
            ended = new EndedRental(device, rental, now);
            return true;
        }, cancellationToken);
        return ended is null ? Error.NotFound(NotRenting) : ended;
    }
}
