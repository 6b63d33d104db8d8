using System.Text.Json.Serialization;
using Devices.Application.Devices;
using Devices.Application.Rentals;
using Devices.Domain.Devices;

namespace Devices.Api.Contracts;

/// <summary>Route 48's answer; <c>device_secret</c> is shown here only.</summary>
public sealed record RegisterDeviceResponse(
    [property: JsonPropertyName("remote_device_id")] string RemoteDeviceId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("device_secret")] string DeviceSecret)
{
    public static RegisterDeviceResponse From(RegisteredDevice d) => new(d.RemoteDeviceId, d.Name, d.DeviceSecret);
}

/// <summary>A device in route 20's shape (the reference's fields), with the owner's market settings beside them.</summary>
public sealed record DeviceResponse
{
    [JsonPropertyName("remote_device_id")] public required string RemoteDeviceId { get; init; }
    [JsonPropertyName("added")] public required DateTime Added { get; init; }
    [JsonPropertyName("automations")] public required IReadOnlyList<string> Automations { get; init; }
    [JsonPropertyName("brand")] public required string Brand { get; init; }
    [JsonPropertyName("country")] public required string Country { get; init; }
    [JsonPropertyName("isEmulator")] public required bool IsEmulator { get; init; }
    [JsonPropertyName("model")] public required string Model { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("networkType")] public required string NetworkType { get; init; }
    [JsonPropertyName("numberOfCores")] public required int NumberOfCores { get; init; }
    [JsonPropertyName("online")] public required bool Online { get; init; }
    [JsonPropertyName("processor")] public required string Processor { get; init; }
    [JsonPropertyName("ramMb")] public required int RamMb { get; init; }
    [JsonPropertyName("sdkVersion")] public required string SdkVersion { get; init; }
    [JsonPropertyName("version")] public required string Version { get; init; }
    [JsonPropertyName("is_onMarket")] public required bool IsOnMarket { get; init; }
    [JsonPropertyName("payment_type")] public required string PaymentType { get; init; }
    [JsonPropertyName("hourly_rate")] public decimal? HourlyRate { get; init; }
    [JsonPropertyName("isAvailable")] public required bool IsAvailable { get; init; }
    [JsonPropertyName("is_rented")] public required bool IsRented { get; init; }
    /// <summary>The rental running now (route 59), shown to the owner and the renter; null when the device is not rented.</summary>
    [JsonPropertyName("rental")] public RentalResponse? Rental { get; init; }

    public static DeviceResponse From(Device d) => new()
    {
        RemoteDeviceId = d.Id,
        Added = d.Added,
        Automations = d.Market.Automations,
        Brand = d.Specs.Brand,
        Country = d.Specs.Country,
        IsEmulator = d.Specs.IsEmulator,
        Model = d.Specs.Model,
        Name = d.Name,
        NetworkType = d.Specs.NetworkType,
        NumberOfCores = d.Specs.NumberOfCores,
        Online = d.Online,
        Processor = d.Specs.Processor,
        RamMb = d.Specs.RamMb,
        SdkVersion = d.Specs.SdkVersion,
        Version = d.Specs.Version,
        IsOnMarket = d.Market.IsOnMarket,
        PaymentType = d.Market.PaymentType.ToWire(),
        HourlyRate = d.Market.HourlyRate,
        IsAvailable = d.IsAvailable,
        IsRented = d.Rental is not null,
        Rental = d.Rental is { } r ? RentalResponse.From(d, r) : null,
    };
}

/// <summary>A device's rental: who rents it since when at what rate (route 59's answer, and in route 20's items).</summary>
public sealed record RentalResponse
{
    [JsonPropertyName("rental_id")] public required string RentalId { get; init; }
    [JsonPropertyName("remote_device_id")] public required string RemoteDeviceId { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("renter_id")] public required string RenterId { get; init; }
    [JsonPropertyName("hourly_rate")] public required decimal HourlyRate { get; init; }
    [JsonPropertyName("started_at")] public required DateTime StartedAt { get; init; }

    public static RentalResponse From(Device d, DeviceRental r) => new()
    {
        RentalId = r.RentalId, RemoteDeviceId = d.Id, Name = d.Name, RenterId = r.RenterId, HourlyRate = r.HourlyRate, StartedAt = r.StartedAt,
    };
}

/// <summary>Route 59's DELETE answer: the rental as it ended, and the hours billed (each hour that started, the first at once).</summary>
public sealed record EndedRentalResponse
{
    [JsonPropertyName("rental_id")] public required string RentalId { get; init; }
    [JsonPropertyName("remote_device_id")] public required string RemoteDeviceId { get; init; }
    [JsonPropertyName("hourly_rate")] public required decimal HourlyRate { get; init; }
    [JsonPropertyName("started_at")] public required DateTime StartedAt { get; init; }
    [JsonPropertyName("ended_at")] public required DateTime EndedAt { get; init; }
    [JsonPropertyName("hours_billed")] public required int HoursBilled { get; init; }
    [JsonPropertyName("total")] public required decimal Total { get; init; }

    public static EndedRentalResponse From(EndedRental e) => new()
    {
        RentalId = e.Rental.RentalId, RemoteDeviceId = e.Device.Id, HourlyRate = e.Rental.HourlyRate, StartedAt = e.Rental.StartedAt, EndedAt = e.EndedAt,
        HoursBilled = e.HoursBilled, Total = e.HoursBilled * e.Rental.HourlyRate,
    };
}

/// <summary>A device in route 21's shape; a device for rent (payment_type=live) also shows its id (to rent it by, route 59) and its hourly rate.</summary>
public sealed record MarketDeviceResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("country")] string Country,
    [property: JsonPropertyName("isAvailable")] bool IsAvailable)
{
    [JsonPropertyName("remote_device_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RemoteDeviceId { get; init; }

    [JsonPropertyName("hourly_rate"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? HourlyRate { get; init; }

    public static MarketDeviceResponse From(Device d) => d.Market.PaymentType == DevicePaymentType.Live
        ? new(d.Name, d.Specs.Country, d.IsAvailable) { RemoteDeviceId = d.Id, HourlyRate = d.Market.HourlyRate }
        : new(d.Name, d.Specs.Country, d.IsAvailable);
}

/// <summary>A verification code was sent: to which number (masked), good for how many seconds.</summary>
public sealed record PhoneCodeSentResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("sent_to")] string SentTo,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>The device's number after a code was entered.</summary>
public sealed record PhoneVerifiedResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("phoneNumber")] string PhoneNumber,
    [property: JsonPropertyName("phoneNumberVerified")] bool Verified);

/// <summary>Route 22's answer: null unless the number is verified.</summary>
public sealed record PhoneNumberResponse([property: JsonPropertyName("phoneNumber")] string? PhoneNumber);

/// <summary>Route 50's answer: the device is online and goes offline after <c>offline_after_seconds</c> without a heartbeat.</summary>
public sealed record HeartbeatResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("remote_device_id")] string RemoteDeviceId,
    [property: JsonPropertyName("online")] bool Online,
    [property: JsonPropertyName("offline_after_seconds")] int OfflineAfterSeconds)
{
    public static HeartbeatResponse From(Heartbeat h) => new(true, h.RemoteDeviceId, true, (int)h.OfflineAfter.TotalSeconds);
}
