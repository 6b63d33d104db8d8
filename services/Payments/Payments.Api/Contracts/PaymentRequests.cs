using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Platform.Api.Binding;

namespace Payments.Api.Contracts;

/// <summary>Route 17's body.</summary>
public sealed record WithdrawRequest
{
    [JsonPropertyName("amount"), Required, Range(0d, 1_000_000_000d, MinimumIsExclusive = true), MaxDecimals(2)]
    [Description("US dollars to withdraw, in cents; at least the minimum payout (1.00 unless configured).")]
    public decimal? Amount { get; init; }

    [JsonPropertyName("wallet_address"), Required, StringLength(100)]
    [Description("A TRON address (T…, 34 characters, base58check) or an EVM address (0x and 40 hex digits, EIP-55 when mixed case); the payout network follows it.")]
    public string? WalletAddress { get; init; }
}

/// <summary>Route 47's body.</summary>
public sealed record DepositRequest
{
    [JsonPropertyName("amount"), Required, Range(0d, 1_000_000_000d, MinimumIsExclusive = true), MaxDecimals(2)]
    [Description("US dollars to add to the balance, in cents.")]
    public decimal? Amount { get; init; }
}

/// <summary>Jobs' request to hold an inactive job's unpaid positions again before it switches the job back on, under the reopening's id.</summary>
public sealed record ReopenJobFundingRequest
{
    [JsonPropertyName("reopen_id"), Required, StringLength(64, MinimumLength = 1)]
    public string? ReopenId { get; init; }
}

/// <summary>What Jobs asks Payments to fund before it posts a job (internal route, never routed by the gateway).</summary>
public sealed record FundJobRequest
{
    [JsonPropertyName("job_id"), Required, StringLength(24, MinimumLength = 24)]
    public string? JobId { get; init; }

    [JsonPropertyName("positions"), Required, Range(1, int.MaxValue)]
    public int? Positions { get; init; }

    [JsonPropertyName("job_price"), Required, Range(0d, 1_000_000_000d, MinimumIsExclusive = true), MaxDecimals(4)]
    public decimal? JobPrice { get; init; }
}

/// <summary>The internal rental-billing route's body (Devices, with the renter's token).</summary>
public sealed record OpenRentalRequest
{
    [JsonPropertyName("rental_id"), Required, StringLength(100, MinimumLength = 1)]
    public string? RentalId { get; init; }

    [JsonPropertyName("remote_device_id"), Required, StringLength(100, MinimumLength = 1)]
    public string? RemoteDeviceId { get; init; }

    [JsonPropertyName("owner_id"), Required, StringLength(100, MinimumLength = 1)]
    public string? OwnerId { get; init; }

    [JsonPropertyName("hourly_rate"), Required, Range(0d, 1_000_000d, MinimumIsExclusive = true), MaxDecimals(4)]
    public decimal? HourlyRate { get; init; }

    [JsonPropertyName("started_at"), Required, StringLength(40), Description("When the rental started: an ISO 8601 date and time.")]
    public string? StartedAt { get; init; }

    /// <summary>The start in UTC; null when it is not an ISO 8601 date and time.</summary>
    public DateTime? StartedAtUtc() =>
        DateTimeOffset.TryParse(StartedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime
            : null;
}
