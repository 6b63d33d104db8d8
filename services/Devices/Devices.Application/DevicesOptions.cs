namespace Devices.Application;

/// <summary>
/// What operators set for devices (section "Devices"): how long a device may go without a heartbeat before it is
/// offline, and how often the sweep that takes silent devices offline runs; how long a rental may wait for its billing
/// to open (a start that stopped half way) before that sweep ends it.
/// </summary>
public sealed record DevicesOptions
{
    public const string Section = "Devices";

    public TimeSpan OfflineAfter { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan OfflineSweepInterval { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan UnbilledRentalTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
