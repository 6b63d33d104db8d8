using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Payments.Application;
using Payments.Application.Balances;
using Payments.Application.Events;
using Payments.Application.Funding;
using Payments.Application.Referrals;
using Payments.Application.Rentals;
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
    /// registers), job fundings and task positions, the payment provider (the sandbox) and the payout provider (the sandbox, or
    /// Cryptomus when Payments__PayoutProvider is "cryptomus"), and messaging:
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
        services.AddSingleton<IPaymentProvider, SandboxPaymentProvider>();
        var cryptomus = builder.Configuration.GetSection(CryptomusOptions.Section).Get<CryptomusOptions>() ?? new CryptomusOptions();
        services.AddSingleton(cryptomus);
        var payoutsViaCryptomus = string.Equals(builder.Configuration["Payments:PayoutProvider"], "cryptomus", StringComparison.OrdinalIgnoreCase);
        services.AddSingleton<IPayoutWebhookReader>(new CryptomusWebhook(cryptomus, payoutsViaCryptomus));
        if (payoutsViaCryptomus)
            services.AddHttpClient<IPayoutProvider, CryptomusPayoutProvider>(http =>
            {
                http.BaseAddress = cryptomus.BaseUrl;
                http.Timeout = TimeSpan.FromSeconds(30);
            });
        else
            services.AddSingleton<IPayoutProvider, SandboxPayoutProvider>();
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
}
