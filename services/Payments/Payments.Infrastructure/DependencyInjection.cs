using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Payments.Application;
using Payments.Application.Balances;
using Payments.Application.Events;
using Payments.Application.Funding;
using Payments.Application.Referrals;
using Payments.Application.Rentals;
using Payments.Application.Settlement;
using Mediator;
using Payments.Application.Ports;
using Payments.Infrastructure.Persistence;
using Payments.Infrastructure.Providers;
using Payments.Infrastructure.Providers.Cryptomus;
using Platform.Application.Events;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Persistence.Scheduling;

namespace Payments.Infrastructure;

public static class DependencyInjection
{
    public const string ServiceName = "payments";

    /// <summary>
    /// Payments' adapters: the ledger and the deposit and withdrawal records in the store (which the API host's setup
    /// registers), job fundings and task positions, the payment and payout providers (each the sandbox in local runs, or
    /// Cryptomus; see <see cref="PaymentProviderChoice"/>) with the reconcile sweep that settles what they leave pending, and messaging:
    /// withdrawal events out; in, Identity's registrations (referrers), Jobs' status changes and abandoned fundings (holds)
    /// and Tasks' task events (pending earnings, holds, worker pay); device rentals billed by the hour (Devices' RentalEnded
    /// in, RentalPaymentFailed out).
    /// </summary>
    public static IHostApplicationBuilder AddPaymentsInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Payments:MinimumPayout, :MaximumDeposit, :JobFeePercent, :ReferralBonusPercent, :RentalFeePercent, :RentalBillingInterval.
        var options = builder.Configuration.GetSection("Payments").Get<PaymentsOptions>() ?? new PaymentsOptions();
        services.AddSingleton(options);
        services.AddSingleton<IIntegrationEventMap, PaymentIntegrationEvents>();
        services.AddSingleton<ILedger, Ledger>();
        services.AddSingleton<IPaymentTransactionRepository, PaymentTransactionRepository>();
        services.AddSingleton<IdempotencyRecords>();
        services.AddSingleton<IIdempotencyRecords>(sp => sp.GetRequiredService<IdempotencyRecords>());
        services.AddSingleton<IPendingEarnings, PendingEarnings>();
        services.AddSingleton<IJobFundings, JobFundings>();
        services.AddSingleton<ITaskPositions, TaskPositions>();
        services.AddSingleton<IReferrals, Referrals>();
        services.AddSingleton<JobHolds>();
        services.AddSingleton<ReferralBonuses>();
        services.AddSingleton<IRentalBillings, RentalBillings>();
        services.AddScoped<RentalHours>();
        services.AddPeriodicSweep("Rental billing", options.RentalBillingInterval,
            async (sp, ct) => (await sp.GetRequiredService<ISender>().Send(new BillRentalHours(), ct)).Value);
        services.AddPeriodicSweep("Idempotency-key purge", TimeSpan.FromHours(1), (sp, ct) => sp.GetRequiredService<IdempotencyRecords>().PurgeAsync(ct));
        services.AddSingleton<DepositSettlement>();
        services.AddSingleton<WithdrawalSettlement>();
        services.AddPeriodicSweep("Payment reconcile", options.ReconcileInterval,
            async (sp, ct) => (await sp.GetRequiredService<ISender>().Send(new ReconcilePendingPayments(), ct)).Value);
        AddProviders(builder, PaymentProviderChoice.Read(builder.Configuration, builder.Environment));
        services.AddScoped<UserBalances>();

        services.AddPlatformMessaging(builder.Configuration, ServiceName, typeof(DependencyInjection).Assembly);
        services.AddOutboxSource<PaymentTransactionDocument>(PaymentTransactionRepository.CollectionName);
        services.AddOutboxSource<RentalBillingDocument>(RentalBillings.CollectionName);
        services.AddIndexes(Ledger.EnsureIndexesAsync);
        services.AddIndexes(PaymentTransactionRepository.EnsureIndexesAsync);
        services.AddIndexes(IdempotencyRecords.EnsureIndexesAsync);
        services.AddIndexes(PendingEarnings.EnsureIndexesAsync);
        services.AddIndexes(TaskPositions.EnsureIndexesAsync);
        services.AddIndexes(RentalBillings.EnsureIndexesAsync);
        return builder;
    }

    /// <summary>
    /// The providers chosen (<see cref="PaymentProviderChoice"/>). Cryptomus is called through its own HTTP client: no
    /// automatic retry (a payout or invoice is asked for once; the reconcile sweep asks again later, by its id) and none
    /// of the caller's headers (only clients of the platform's own services carry the caller's token).
    /// </summary>
    private static void AddProviders(IHostApplicationBuilder builder, PaymentProviderChoice choice)
    {
        var services = builder.Services;
        services.AddSingleton(choice);
        var cryptomus = builder.Configuration.GetSection(CryptomusOptions.Section).Get<CryptomusOptions>() ?? new CryptomusOptions();
        services.AddSingleton(cryptomus);
        if (choice.DepositsViaCryptomus || choice.PayoutsViaCryptomus)
        {
#pragma warning disable EXTEXP0001 // Removing the defaults' resilience handler is what this client needs: no automatic retry of a payout.
            services.AddHttpClient<CryptomusClient>(CryptomusClient.ClientName, http =>
            {
                http.BaseAddress = cryptomus.BaseUrl;
                http.Timeout = cryptomus.Timeout + TimeSpan.FromSeconds(5);
            }).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        }
        if (choice.DepositsViaCryptomus) services.AddSingleton<IPaymentProvider, CryptomusPaymentProvider>();
        else services.AddSingleton<IPaymentProvider, SandboxPaymentProvider>();
        if (choice.PayoutsViaCryptomus) services.AddSingleton<IPayoutProvider, CryptomusPayoutProvider>();
        else services.AddSingleton<IPayoutProvider, SandboxPayoutProvider>();
        services.AddSingleton<IProviderWebhookReader>(new CryptomusWebhook(cryptomus, choice.DepositsViaCryptomus, choice.PayoutsViaCryptomus));
    }
}
