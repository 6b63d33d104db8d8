using System.Text.Json.Nodes;
using Payments.Domain.Transactions;
using Platform.Application.Results;

namespace Payments.Application.Ports;

/// <summary>What a payment provider said of a deposit or a withdrawal.</summary>
public enum ProviderStatus
{
    /// <summary>Paid: the deposit's money came in, the withdrawal's went out.</summary>
    Completed,
    /// <summary>The provider has it and will say later (its webhook, or when asked again).</summary>
    Pending,
    /// <summary>The provider says it will not be paid: a refusal it stands by, or a final failure.</summary>
    Failed,
    /// <summary>
    /// No verdict: no answer, a timeout, a server error, or a refusal the provider could not confirm. Never a failure:
    /// the payment stays as it was until the provider is asked again.
    /// </summary>
    Unanswered,
    /// <summary>Asked about it, the provider has no such payment (the request that would have made it never arrived).</summary>
    NotFound,
}

/// <summary>
/// What a provider answered: its status, its id for the payment, why it failed, and what it says was paid (amount and
/// currency, when it says) and where the user pays a deposit.
/// </summary>
public sealed record ProviderResult(ProviderStatus Status, string? Reference = null, string? Reason = null, string? PaymentUrl = null,
    decimal? Amount = null, string? Currency = null)
{
    public static ProviderResult NoAnswer(string reason) => new(ProviderStatus.Unanswered, Reason: reason);
}

/// <summary>Where deposits come from: the sandbox (local runs, completes each at once) or a real provider's invoices.</summary>
public interface IPaymentProvider
{
    /// <summary>The method name history shows (sandbox, cryptomus).</summary>
    string Name { get; }

    /// <summary>
    /// Asks for the deposit to be paid (an invoice the user pays at <see cref="ProviderResult.PaymentUrl"/>, or at once);
    /// asking again for the same deposit id makes no second invoice.
    /// </summary>
    Task<ProviderResult> CollectAsync(PaymentTransaction deposit, CancellationToken cancellationToken);

    /// <summary>Where the deposit stands at the provider, asked by its id.</summary>
    Task<ProviderResult> CheckAsync(PaymentTransaction deposit, CancellationToken cancellationToken);
}

/// <summary>Where withdrawals go. The sandbox (local runs) pays each at once.</summary>
public interface IPayoutProvider
{
    string Name { get; }

    /// <summary>Sends the withdrawal to its wallet; asking again for the same withdrawal id sends nothing more.</summary>
    Task<ProviderResult> PayAsync(PaymentTransaction withdrawal, CancellationToken cancellationToken);

    /// <summary>Where the withdrawal's payout stands at the provider, asked by its id.</summary>
    Task<ProviderResult> CheckAsync(PaymentTransaction withdrawal, CancellationToken cancellationToken);
}

/// <summary>What a provider's webhook says of one payment: a deposit's or a withdrawal's (by its id), its status, what was paid.</summary>
public sealed record ProviderNotice(PaymentType Kind, string TransactionId, ProviderResult Result);

/// <summary>Reads a payment provider's webhooks: the signature checked, the notice read out.</summary>
public interface IProviderWebhookReader
{
    /// <summary>False when no configured provider sends webhooks (the sandboxes): none is taken.</summary>
    bool IsEnabled { get; }

    /// <summary>The notice, or why the webhook is refused (a bad signature, a body that is no payment notice).</summary>
    Result<ProviderNotice> Read(JsonObject body);
}
