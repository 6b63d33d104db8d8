namespace Platform.Contracts.Payments;

/// <summary>A withdrawal was paid out to its wallet.</summary>
public sealed record WithdrawalCompleted(string WithdrawalId, string UserId, decimal Amount, string WalletAddress, string Network) : IntegrationEvent;

/// <summary>A withdrawal's payout failed; its amount is back in the user's available balance.</summary>
public sealed record WithdrawalFailed(string WithdrawalId, string UserId, decimal Amount, string Reason) : IntegrationEvent;

/// <summary>
/// The renter's available balance could not pay hour <paramref name="Hour"/> (1 for the first) of the rental of
/// device <paramref name="RemoteDeviceId"/>: Devices ends the rental, and the device is free again.
/// </summary>
public sealed record RentalPaymentFailed(string RentalId, string RemoteDeviceId, string RenterId, int Hour) : IntegrationEvent;
