using Devices.Application.Devices;
using Devices.Application.Ports;
using Devices.Domain.Devices;
using Mediator;
using Platform.Application;
using Platform.Application.Results;

namespace Devices.Application.Rentals;

/// <summary>
/// Route 59, POST: the caller rents another owner's device that is on the market with live payment and online. The
/// device is claimed first (a conditional write: of two renters at once, one wins), then Payments takes the first hour
/// from the renter's balance; refused, the claim is let go and nothing is owed. While rented the device is in the
/// renter's list (route 20), off the market, and runs only the renter's tasks; each hour that starts is billed.
/// </summary>
public sealed record RentDevice(Caller Caller, string RemoteDeviceId) : ICommand<Result<RentedDevice>>;

/// <summary>The device and its rental as it started.</summary>
public sealed record RentedDevice(Device Device, DeviceRental Rental);

public sealed class RentDeviceHandler(IDeviceRepository devices, IRentalBilling billing, TimeProvider clock) : ICommandHandler<RentDevice, Result<RentedDevice>>
{
    public const string OwnDevice = "You can't rent your own device";
    public const string NotLive = "This device is not for rent: its payment type is action (paid per task run on it), not live";
    public const string RentedByCaller = "You rent this device already";
    public const string RentedByOther = "This device is rented by another user";
    public const string Offline = "This device is offline; it can be rented once it is online";
    public const string EndedWhileStarting = "The rental was ended while its first hour was being paid (it took too long); that hour is billed, rent again";

    public async ValueTask<Result<RentedDevice>> Handle(RentDevice command, CancellationToken cancellationToken)
    {
        var renter = command.Caller.UserId;
        DeviceRental? rental = null;
        Error? refusal = null;
        var device = await devices.FindAsync(command.RemoteDeviceId, cancellationToken) is { } found
            ? await devices.ChangeAsync(found, d =>
            {
                refusal = RefusalFor(d, renter);
                if (refusal is not null) return false;
                rental = d.Rent(Guid.NewGuid().ToString(), renter, clock.GetUtcNow().UtcDateTime);
                return true;
            }, cancellationToken)
            : null;
        if (device is null) return Error.NotFound(DeviceAccess.NotFound);
        if (refusal is not null) return refusal;

        var answer = await billing.OpenAsync(device, rental!, cancellationToken);
        if (answer.Status == RentalBillingStatus.Opened)
        {
            var billed = await devices.ChangeAsync(device, d => d.MarkRentalBilled(rental!.RentalId), cancellationToken);
            // The sweep ends a rental whose billing took too long to open: then this start lost, and says so.
            if (billed?.Rental?.RentalId != rental!.RentalId) return Error.Conflict(EndedWhileStarting);
            return new RentedDevice(billed, rental);
        }
        await devices.ChangeAsync(device, d => d.EndRental(rental!.RentalId, RentalEndReasons.Unpaid, clock.GetUtcNow().UtcDateTime), cancellationToken);
        return answer.Status == RentalBillingStatus.Refused
            ? Error.Validation(answer.Reason ?? "Insufficient balance to rent this device")
            : Error.Unavailable("The rental could not be paid just now (the payments service did not answer); nothing is owed, try again");
    }

    /// <summary>Why <paramref name="renter"/> can't rent the device now; null when they may. Another owner's device off the market is not found.</summary>
    private static Error? RefusalFor(Device device, string renter)
    {
        if (device.IsOwnedBy(renter)) return Error.Validation(OwnDevice);
        if (device.IsRentedBy(renter)) return Error.Conflict(RentedByCaller);
        if (!device.Market.IsOnMarket) return Error.NotFound(DeviceAccess.NotFound);
        if (device.Market.PaymentType != DevicePaymentType.Live) return Error.Validation(NotLive);
        if (device.Rental is not null) return Error.Conflict(RentedByOther);
        if (!device.Online) return Error.Conflict(Offline);
        return null;
    }
}
