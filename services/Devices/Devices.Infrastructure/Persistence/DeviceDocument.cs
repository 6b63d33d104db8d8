using Platform.Persistence;

namespace Devices.Infrastructure.Persistence;

/// <summary>A device as stored. <see cref="NameKey"/> (the name upper-cased) is unique: no two devices share a name in any case.</summary>
public sealed class DeviceDocument : Document
{
    public string OwnerId { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string NameKey { get; set; } = string.Empty;
    public string Brand { get; set; } = string.Empty;
    public string Model { get; set; } = string.Empty;
    public string Country { get; set; } = string.Empty;
    public bool IsEmulator { get; set; }
    public string NetworkType { get; set; } = string.Empty;
    public int NumberOfCores { get; set; }
    public int RamMb { get; set; }
    public string Processor { get; set; } = string.Empty;
    public string SdkVersion { get; set; } = string.Empty;
    public string OsVersion { get; set; } = string.Empty;
    public string SecretHash { get; set; } = string.Empty;
    public DateTime Added { get; set; }
    public string? PhoneNumber { get; set; }
    public bool PhoneNumberVerified { get; set; }
    public string? PhoneCodeHash { get; set; }
    public DateTime? PhoneCodeSentAt { get; set; }
    public DateTime? PhoneCodeExpiresAt { get; set; }
    public int PhoneCodeWrongAttempts { get; set; }
    public bool IsOnMarket { get; set; }
    public string PaymentType { get; set; } = string.Empty;
    public decimal? HourlyRate { get; set; }
    public List<string> Automations { get; set; } = [];
    public bool Online { get; set; }
    public DateTime? LastHeartbeatAt { get; set; }
    public string? RunningTaskId { get; set; }
    public string? RunningJobId { get; set; }
    public string? RunningEmployerId { get; set; }
    public string? LastFinishedTaskId { get; set; }
    /// <summary>
    /// "action" or "live" while the device is online, on the market and not rented; null otherwise: what route 21 lists
    /// (one indexed field instead of four filters).
    /// </summary>
    public string? MarketKey { get; set; }
    public string? RentalId { get; set; }
    public string? RenterId { get; set; }
    public decimal? RentalHourlyRate { get; set; }
    public DateTime? RentalStartedAt { get; set; }
    public bool RentalBilled { get; set; }
    /// <summary>When a rental whose billing Payments has not opened yet started (indexed: the sweep ends those left so too long).</summary>
    public DateTime? UnbilledRentalSince { get; set; }
}
