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
