using Payments.Application.Ports;
using Payments.Domain.Transactions;

namespace Payments.Infrastructure.Providers;

/// <summary>The local runs' payment provider: every deposit is collected at once (nothing real is charged).</summary>
public sealed class SandboxPaymentProvider : IPaymentProvider
{
    public string Name => "sandbox";

    public Task<ProviderResult> CollectAsync(PaymentTransaction deposit, CancellationToken cancellationToken) =>
        Task.FromResult(new ProviderResult(ProviderStatus.Completed, $"sandbox-{deposit.Id}"));
}

/// <summary>The local runs' payout provider: every withdrawal is paid at once (nothing real is sent).</summary>
public sealed class SandboxPayoutProvider : IPayoutProvider
{
    public string Name => "sandbox";

    public Task<ProviderResult> PayAsync(PaymentTransaction withdrawal, CancellationToken cancellationToken) =>
        Task.FromResult(new ProviderResult(ProviderStatus.Completed, $"sandbox-{withdrawal.Id}"));
}
