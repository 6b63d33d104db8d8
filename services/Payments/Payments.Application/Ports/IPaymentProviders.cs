using Payments.Domain.Transactions;

namespace Payments.Application.Ports;

public enum ProviderStatus
{
    Completed,
    /// <summary>The provider will say later (a webhook).</summary>
    Pending,
    Failed,
}

/// <summary>What a provider answered: its status, its id for the payment, and why it failed.</summary>
public sealed record ProviderResult(ProviderStatus Status, string? Reference, string? Reason = null);

/// <summary>Where deposits come from. The sandbox (local runs) completes each at once.</summary>
public interface IPaymentProvider
{
    /// <summary>The method name history shows (sandbox, cryptomus).</summary>
    string Name { get; }

    /// <summary>Collects the deposit; asking again for the same deposit id collects nothing more.</summary>
    Task<ProviderResult> CollectAsync(PaymentTransaction deposit, CancellationToken cancellationToken);
}

/// <summary>Where withdrawals go. The sandbox (local runs) pays each at once.</summary>
public interface IPayoutProvider
{
    string Name { get; }

    /// <summary>Sends the withdrawal to its wallet; asking again for the same withdrawal id sends nothing more.</summary>
    Task<ProviderResult> PayAsync(PaymentTransaction withdrawal, CancellationToken cancellationToken);
}

/// <summary>What a payout provider's webhook says of one payout: the withdrawal (its order id), the status, the amount.</summary>
public sealed record PayoutNotice(string WithdrawalId, ProviderStatus Status, decimal Amount, string? Reference, string? Reason);

/// <summary>Reads the payout provider's webhooks: the signature checked, the notice read out.</summary>
public interface IPayoutWebhookReader
{
    /// <summary>False when payouts don't go through a provider that sends webhooks (the sandbox): none is taken.</summary>
    bool IsEnabled { get; }

    /// <summary>The notice, or why the webhook is refused (a bad signature, a body that is not a payout notice).</summary>
    Platform.Application.Results.Result<PayoutNotice> Read(System.Text.Json.Nodes.JsonObject body);
}
