using Payments.Application.Ports;
using Payments.Domain.Transactions;

namespace Payments.Infrastructure.Providers;

/// <summary>
/// The local runs' payment provider: every deposit is collected at once, and nothing real is charged. It credits money
/// nobody paid, so the service runs it only where the app host turns it on, never in Production and never beside a
/// real payout provider (see DependencyInjection).
/// </summary>
public sealed class SandboxPaymentProvider : IPaymentProvider
{
    public const string ProviderName = "sandbox";

    public string Name => ProviderName;

    public Task<ProviderResult> CollectAsync(PaymentTransaction deposit, CancellationToken cancellationToken) =>
        Task.FromResult(new ProviderResult(ProviderStatus.Completed, $"sandbox-{deposit.Id}"));

    public Task<ProviderResult> CheckAsync(PaymentTransaction deposit, CancellationToken cancellationToken) => CollectAsync(deposit, cancellationToken);
}

/// <summary>The local runs' payout provider: every withdrawal is paid at once (nothing real is sent).</summary>
public sealed class SandboxPayoutProvider : IPayoutProvider
{
    public string Name => SandboxPaymentProvider.ProviderName;

    public Task<ProviderResult> PayAsync(PaymentTransaction withdrawal, CancellationToken cancellationToken) =>
        Task.FromResult(new ProviderResult(ProviderStatus.Completed, $"sandbox-{withdrawal.Id}"));

    public Task<ProviderResult> CheckAsync(PaymentTransaction withdrawal, CancellationToken cancellationToken) => PayAsync(withdrawal, cancellationToken);
}
