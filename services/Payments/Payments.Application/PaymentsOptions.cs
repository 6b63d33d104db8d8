namespace Payments.Application;

/// <summary>The money rules operators set: the smallest withdrawal and the largest single deposit.</summary>
public sealed record PaymentsOptions
{
    public decimal MinimumPayout { get; init; } = 1.00m;
    public decimal MaximumDeposit { get; init; } = 100_000m;
}
