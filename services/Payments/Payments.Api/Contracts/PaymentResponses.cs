using System.Globalization;
using System.Text.Json.Serialization;
using Payments.Application.Balances;
using Payments.Application.Withdrawals;
using Payments.Domain.Transactions;

namespace Payments.Api.Contracts;

/// <summary>Route 19's body.</summary>
public sealed record BalanceResponse(
    [property: JsonPropertyName("balance")] decimal Balance,
    [property: JsonPropertyName("active_balance")] decimal ActiveBalance,
    [property: JsonPropertyName("pending_earnings")] decimal PendingEarnings)
{
    public static BalanceResponse From(BalanceView view) => new(Plain(view.Balance), Plain(view.Active), Plain(view.PendingEarnings));

    /// <summary>The amount without trailing zeros (10 rather than 10.000 after sums of amounts with 3 decimals).</summary>
    private static decimal Plain(decimal amount) => amount / 1.0000000000000000000000000000m;
}

/// <summary>Route 17's answer.</summary>
public sealed record WithdrawResponse([property: JsonPropertyName("msg")] string Msg);

/// <summary>A deposit or withdrawal in the reference's shape (amounts as strings, withdrawals negative).</summary>
public sealed record TransactionResponse
{
    [JsonPropertyName("_id")] public required string Id { get; init; }
    [JsonPropertyName("reference_id")] public string? ReferenceId { get; init; }
    [JsonPropertyName("user_id")] public required string UserId { get; init; }
    [JsonPropertyName("recipient_id")] public string? RecipientId { get; init; }
    [JsonPropertyName("crypto_uuid")] public string? CryptoUuid { get; init; }
    [JsonPropertyName("payment_type")] public required string PaymentType { get; init; }
    [JsonPropertyName("payment_method")] public required string PaymentMethod { get; init; }
    [JsonPropertyName("payment_details")] public string PaymentDetails { get; init; } = string.Empty;
    [JsonPropertyName("transaction_fee")] public string TransactionFee { get; init; } = "0";
    [JsonPropertyName("currency")] public string Currency { get; init; } = Domain.Ledger.Money.Currency;
    [JsonPropertyName("amount")] public required string Amount { get; init; }
    [JsonPropertyName("wallet_address")] public string? WalletAddress { get; init; }
    [JsonPropertyName("network")] public string? Network { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("reason")] public string? Reason { get; init; }
    [JsonPropertyName("created")] public DateTime Created { get; init; }
    [JsonPropertyName("updated")] public DateTime Updated { get; init; }
    [JsonPropertyName("process_date")] public DateTime? ProcessDate { get; init; }
    [JsonPropertyName("transaction_id")] public required string TransactionId { get; init; }
    [JsonPropertyName("transaction_proof")] public string? TransactionProof { get; init; }
    /// <summary>A deposit waiting for its payment: the provider's page where the user pays it (null otherwise).</summary>
    [JsonPropertyName("payment_url")] public string? PaymentUrl { get; init; }
    [JsonPropertyName("__v")] public long V { get; init; }

    public static TransactionResponse From(PaymentTransaction t) => new()
    {
        Id = t.Id,
        ReferenceId = t.ProviderReference,
        UserId = t.UserId,
        PaymentType = t.Type.ToString(),
        PaymentMethod = t.Method,
        Amount = (t.Type == Domain.Transactions.PaymentType.Withdrawal ? -t.Amount : t.Amount).ToString(CultureInfo.InvariantCulture),
        WalletAddress = t.WalletAddress,
        Network = t.Network,
        Status = t.Status.ToString().ToLowerInvariant(),
        Reason = t.Reason,
        Created = t.Created,
        Updated = t.Updated,
        ProcessDate = t.Processed,
        TransactionId = t.Id,
        TransactionProof = t.ProviderReference,
        CryptoUuid = t.Method == "cryptomus" ? t.ProviderReference : null,
        PaymentUrl = t.Status == Domain.Transactions.TransactionStatus.Pending ? t.PaymentUrl : null,
        V = t.Version,
    };
}

/// <summary>Route 18's body.</summary>
public sealed record TransactionHistoryResponse(
    [property: JsonPropertyName("total_count")] long TotalCount,
    [property: JsonPropertyName("transactions")] IReadOnlyList<TransactionResponse> Transactions,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("balance")] decimal Balance,
    [property: JsonPropertyName("total_withdraw")] decimal TotalWithdraw,
    [property: JsonPropertyName("total_deposit")] decimal TotalDeposit)
{
    public static TransactionHistoryResponse From(TransactionHistory h) => new(h.Page.Total, h.Page.Items.Select(TransactionResponse.From).ToList(), h.Page.Page,
        h.Balance, -h.TotalWithdrawn, h.TotalDeposited);
}

/// <summary>What a job costs its employer (internal route): <c>charged</c> in all, <c>fee_per_task</c> per position of it the platform's.</summary>
public sealed record JobFundingResponse(
    [property: JsonPropertyName("job_id")] string JobId,
    [property: JsonPropertyName("charged")] decimal Charged,
    [property: JsonPropertyName("fee_per_task")] decimal FeePerTask);

/// <summary>A rental's billing as opened (internal route): its hourly rate, the platform's fee of each hour, and the hours paid.</summary>
public sealed record RentalBillingResponse(
    [property: JsonPropertyName("rental_id")] string RentalId,
    [property: JsonPropertyName("hourly_rate")] decimal HourlyRate,
    [property: JsonPropertyName("fee_per_hour")] decimal FeePerHour,
    [property: JsonPropertyName("hours_billed")] int HoursBilled);
