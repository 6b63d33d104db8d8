using Devices.Domain.Devices;

namespace Devices.Application.Ports;

/// <summary>What Payments answered when a rental's billing was opened.</summary>
public enum RentalBillingStatus
{
    /// <summary>The first hour is paid; the sweep there bills the next ones.</summary>
    Opened,
    /// <summary>The renter's available balance does not cover an hour: nothing was paid.</summary>
    Refused,
    /// <summary>No answer could be had (Payments down, a timeout).</summary>
    Unknown,
}

/// <param name="Reason">Why it was refused, in Payments' words.</param>
public sealed record RentalBillingAnswer(RentalBillingStatus Status, string? Reason = null);

/// <summary>
/// Payments, asked synchronously (service discovery) with the renter's token as they rent: the rental's billing opens
/// and its first hour is paid, or the rental is refused. Safe to ask again for the same rental.
/// </summary>
public interface IRentalBilling
{
    Task<RentalBillingAnswer> OpenAsync(Device device, DeviceRental rental, CancellationToken cancellationToken);
}
