namespace Platform.Contracts.Devices;

/// <summary>
/// A device as Devices last wrote it: what another service needs to assign work to it or to show it. Every device event
/// carries the whole snapshot with its <see cref="Revision"/> (the device's stored version, one higher per write), so a
/// replica keeps the highest revision it has seen and an event delivered late or twice changes nothing.
/// </summary>
public sealed record DeviceSnapshot
{
    public required string RemoteDeviceId { get; init; }
    public required string OwnerId { get; init; }
    /// <summary>The unique two-word label ("Atomic Mammal").</summary>
    public required string Name { get; init; }
    /// <summary>ISO 3166 alpha-2.</summary>
    public required string Country { get; init; }
    /// <summary>The phone's make and model as its owner registered them (absent in older messages).</summary>
    public string? Brand { get; init; }
    public string? Model { get; init; }
    public required bool IsOnMarket { get; init; }
    /// <summary>"action" (paid per task) or "live" (rented by the hour).</summary>
    public required string PaymentType { get; init; }
    /// <summary>What an hour of a rental costs (live payment), null when unset.</summary>
    public decimal? HourlyRate { get; init; }
    /// <summary>The automation ids the device accepts; empty accepts every automation.</summary>
    public required IReadOnlyList<string> Automations { get; init; }
    public required bool Online { get; init; }
    /// <summary>The user renting the device now (live payment): only their jobs' tasks run on it. Null when it is not rented.</summary>
    public string? RenterId { get; init; }
    public required long Revision { get; init; }
}

/// <summary>
/// An owner registered a device. Identity issues its credentials from it: the device signs in with client id
/// <see cref="DeviceSnapshot.RemoteDeviceId"/> and the secret whose SHA-256 (lower-case hex) is <see cref="SecretHash"/>.
/// </summary>
public sealed record DeviceRegistered(DeviceSnapshot Device, string SecretHash) : IntegrationEvent;

/// <summary>The owner changed the device's market settings (market listing, payment type, hourly rate, automations).</summary>
public sealed record DeviceSettingsChanged(DeviceSnapshot Device) : IntegrationEvent;

/// <summary>The device's agent sent a heartbeat after being offline (or for the first time).</summary>
public sealed record DeviceOnline(DeviceSnapshot Device) : IntegrationEvent;

/// <summary>The device missed heartbeats for the configured window.</summary>
public sealed record DeviceOffline(DeviceSnapshot Device) : IntegrationEvent;

/// <summary>
/// A user rents the device by the hour (route 59): until <see cref="RentalEnded"/> it is off the market and runs only the
/// renter's tasks. Payments bills each started hour at <see cref="HourlyRate"/> from <see cref="StartedAt"/>.
/// </summary>
public sealed record DeviceRented(DeviceSnapshot Device, string RentalId, string RenterId, decimal HourlyRate, DateTime StartedAt) : IntegrationEvent;

/// <summary>
/// The rental ended at <see cref="EndedAt"/>: the renter ended it, or could not pay an hour (<see cref="Reason"/>
/// "renter" or "unpaid"). Payments bills no hour that starts after it.
/// </summary>
public sealed record RentalEnded(DeviceSnapshot Device, string RentalId, string RenterId, DateTime EndedAt, string Reason) : IntegrationEvent;
