namespace Payments.Application;

/// <summary>
/// The money rules operators set: the smallest withdrawal, the largest single deposit, the platform's fee on each
/// position of a job (a percentage of the job price, which the employer pays on top) and the referral bonus (a
/// percentage of a confirmed task's pay, paid from platform revenue to the worker's referrer), and the platform's fee
/// on each hour of a device rental (a percentage of the owner's hourly rate, which the owner earns less of).
/// </summary>
public sealed record PaymentsOptions
{
    public decimal MinimumPayout { get; init; } = 1.00m;
    public decimal MaximumDeposit { get; init; } = 100_000m;
    public decimal JobFeePercent { get; init; } = 10m;
    public decimal ReferralBonusPercent { get; init; } = 5m;
    public decimal RentalFeePercent { get; init; } = 10m;
    /// <summary>How often the rental sweep bills the hours that have started.</summary>
    public TimeSpan RentalBillingInterval { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>How long a deposit's invoice can be paid (the provider's invoice lifetime).</summary>
    public TimeSpan DepositInvoiceLifetime { get; init; } = TimeSpan.FromHours(1);
    /// <summary>How long after that a deposit whose invoice the provider never made is failed (late webhooks, clocks).</summary>
    public TimeSpan DepositInvoiceGrace { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>How often the reconcile sweep asks the providers about payments they have yet to settle.</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromSeconds(30);
}
