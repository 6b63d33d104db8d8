namespace Platform.Contracts.Payments;

/// <summary>A withdrawal was paid out to its wallet.</summary>
public sealed record WithdrawalCompleted(string WithdrawalId, string UserId, decimal Amount, string WalletAddress, string Network) : IntegrationEvent;

/// <summary>A withdrawal's payout failed; its amount is back in the user's available balance.</summary>
public sealed record WithdrawalFailed(string WithdrawalId, string UserId, decimal Amount, string Reason) : IntegrationEvent;
