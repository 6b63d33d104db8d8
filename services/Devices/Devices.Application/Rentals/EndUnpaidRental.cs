using Devices.Application.Devices;
using Devices.Application.Ports;
using Devices.Domain.Devices;
using Mediator;
using Platform.Application.Results;

namespace Devices.Application.Rentals;

/// <summary>
/// Payments could not take an hour of the rental from the renter's balance (RentalPaymentFailed): the rental ends and
/// the device is free again. A rental that has ended already, or a newer one, is left alone.
/// </summary>
public sealed record EndUnpaidRental(string RemoteDeviceId, string RentalId) : ICommand<Result>;

public sealed class EndUnpaidRentalHandler(IDeviceRepository devices, TimeProvider clock) : ICommandHandler<EndUnpaidRental, Result>
{
    public async ValueTask<Result> Handle(EndUnpaidRental command, CancellationToken cancellationToken)
    {
        await devices.ChangeAsync(command.RemoteDeviceId,
            device => device.EndRental(command.RentalId, RentalEndReasons.Unpaid, clock.GetUtcNow().UtcDateTime), cancellationToken);
        return Result.Success();
    }
}

/// <summary>
/// Part of the offline sweep: a rental whose billing never opened (its start stopped between claiming the device and
/// Payments' answer) ends after <see cref="DevicesOptions.UnbilledRentalTimeout"/>, so a device is never rented for
/// free. Returns how many ended.
/// </summary>
public sealed record EndUnbilledRentals : ICommand<Result<int>>;

public sealed class EndUnbilledRentalsHandler(IDeviceRepository devices, DevicesOptions options, TimeProvider clock) : ICommandHandler<EndUnbilledRentals, Result<int>>
{
    public async ValueTask<Result<int>> Handle(EndUnbilledRentals command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = 0;
        foreach (var stale in await devices.FindUnbilledRentalsAsync(now - options.UnbilledRentalTimeout, 100, cancellationToken))
        {
            if (stale.Rental is not { Billed: false } rental) continue;
            var endedThis = false;
            await devices.ChangeAsync(stale, d => endedThis = d.Rental is { Billed: false } r && r.RentalId == rental.RentalId
                && d.EndRental(rental.RentalId, RentalEndReasons.Unpaid, now), cancellationToken);
            if (endedThis) ended++;
        }
        return ended;
    }
}
