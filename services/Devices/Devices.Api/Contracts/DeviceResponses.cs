using System.Text.Json.Serialization;
using Devices.Application.Devices;
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
    };
}

/// <summary>A device in route 21's shape.</summary>
public sealed record MarketDeviceResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("country")] string Country,
    [property: JsonPropertyName("isAvailable")] bool IsAvailable)
{
    public static MarketDeviceResponse From(Device d) => new(d.Name, d.Specs.Country, d.IsAvailable);
}

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
