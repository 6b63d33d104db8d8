using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Devices.Domain.Devices;
using Platform.Api.Binding;
using Platform.Application.Countries;

namespace Devices.Api.Contracts;

/// <summary>Route 48's body: what the agent reports about the phone.</summary>
public sealed record RegisterDeviceRequest
{
    [JsonPropertyName("brand"), Required, StringLength(100)] public string? Brand { get; init; }
    [JsonPropertyName("model"), Required, StringLength(100)] public string? Model { get; init; }

    [JsonPropertyName("country"), Required, OneOf(typeof(CountryCodes), nameof(CountryCodes.All), ErrorMessage = "{0} must be an ISO 3166 alpha-2 code")]
    public string? Country { get; init; }

    [JsonPropertyName("isEmulator"), Required] public bool? IsEmulator { get; init; }

    [JsonPropertyName("networkType"), Required, OneOf(typeof(DeviceRules), nameof(DeviceRules.NetworkTypes))]
    [Description("The phone's network: wifi, cellular, ethernet, vpn or bluetooth.")]
    public string? NetworkType { get; init; }

    [JsonPropertyName("numberOfCores"), Required, Range(1, 1024)] public int? NumberOfCores { get; init; }
    [JsonPropertyName("ramMb"), Required, Range(1, 16_777_216)] public int? RamMb { get; init; }
    [JsonPropertyName("processor"), Required, StringLength(100)] public string? Processor { get; init; }

    [JsonPropertyName("sdkVersion"), Required, StringLength(20)]
    [Description("Android's API level, as a string (\"31\").")]
    public string? SdkVersion { get; init; }

    [JsonPropertyName("version"), Required, StringLength(20)]
    [Description("Android's version, as a string (\"12\").")]
    public string? Version { get; init; }

    [JsonPropertyName("phoneNumber"), StringLength(16)]
    [Description("Optional, E.164 (+14155550123). Agents read it (route 22) only once it is verified.")]
    public string? PhoneNumber { get; init; }
}

/// <summary>Route 49's body: the owner's settings. A field left out stays as it was.</summary>
public sealed record DeviceSettingsRequest
{
    [JsonPropertyName("is_onMarket")]
    [Description("List the device on the market: other owners' jobs run on it (action) or a user rents it (live).")]
    public bool? IsOnMarket { get; init; }

    [JsonPropertyName("payment_type"), OneOf(typeof(DeviceRules), nameof(DeviceRules.PaymentTypes))]
    [Description("action: paid per task run on it; live: rented by the hour at hourly_rate.")]
    public string? PaymentType { get; init; }

    [JsonPropertyName("hourly_rate"), Range(0d, 10_000d, MinimumIsExclusive = true), MaxDecimals(2)]
    [Description("What a started hour of a rental costs (live payment).")]
    public decimal? HourlyRate { get; init; }

    [JsonPropertyName("automations"), MaxLength(100)]
    [Description("The automation ids the device accepts; an empty list accepts every automation.")]
    public IReadOnlyList<string>? Automations { get; init; }

    [JsonPropertyName("name")]
    [Description("Never writable: a device keeps the name it was given. Sending it is a 400.")]
    public string? Name { get; init; }
}

/// <summary>Route 21's query.</summary>
public sealed record MarketQuery
{
    [JsonPropertyName("country"), OneOf(typeof(CountryCodes), nameof(CountryCodes.All), ErrorMessage = "{0} must be an ISO 3166 alpha-2 code")]
    public string? Country { get; init; }

    [JsonPropertyName("sortDirection"), OneOf("asc", "desc")]
    [Description("Sort by country: asc (the default) or desc.")]
    public string? SortDirection { get; init; }

    [JsonPropertyName("payment_type"), OneOf(typeof(DeviceRules), nameof(DeviceRules.PaymentTypes))]
    [Description("action (the default): devices paid per task. live: devices for rent by the hour (route 59), with their id and hourly_rate; rented ones are left out.")]
    public string? PaymentType { get; init; }
}

/// <summary>The phone-verification request's body: a new number to verify instead of the stored one, or nothing.</summary>
public sealed record PhoneCodeRequest
{
    [JsonPropertyName("phoneNumber"), StringLength(16)]
    [Description("A new E.164 number for the device (it replaces the stored one, unverified); left out, the code goes to the stored number.")]
    public string? PhoneNumber { get; init; }
}

/// <summary>The code the owner received.</summary>
public sealed record PhoneCodeEntry
{
    [JsonPropertyName("code"), Required, StringLength(6, MinimumLength = 6)]
    [Description("The 6 digits sent to the phone.")]
    public string? Code { get; init; }
}
