using Platform.Domain;

namespace Payments.Domain.Transactions;

public enum PaymentType
{
    Deposit,
    Withdrawal,
}

/// <summary>
/// Where a deposit or withdrawal stands. A withdrawal is <see cref="Requested"/> until the ledger has taken the money
/// (then <see cref="Pending"/>) or refused it (<see cref="Refused"/>: it never happened, and history doesn't show it);
/// the provider then pays it (<see cref="Paid"/>) or fails it (<see cref="Failed"/>: the money went back). A deposit
/// is pending until its provider says it was paid (the money comes in) or will not be.
/// </summary>
public enum TransactionStatus
{
    Requested,
    Pending,
    Paid,
    Failed,
    Refused,
}

/// <summary>A deposit or a withdrawal as its user sees it in their history; the money itself moves in ledger postings named after it.</summary>
public sealed class PaymentTransaction : AggregateRoot
{
    private PaymentTransaction(string id, string userId, PaymentType type, string method, decimal amount, string? walletAddress, string? network,
        DateTime now)
    {
        Id = id;
        UserId = userId;
        Type = type;
        Method = method;
        Amount = amount;
        WalletAddress = walletAddress;
        Network = network;
        Created = Updated = now;
    }

    public string Id { get; }
    public string UserId { get; }
    public PaymentType Type { get; }
    /// <summary>The provider that moves it (sandbox, cryptomus).</summary>
    public string Method { get; }
    /// <summary>The amount, always positive (the wire shows withdrawals negative).</summary>
    public decimal Amount { get; }
    public string? WalletAddress { get; }
    /// <summary>The payout network the address belongs to (tron, evm).</summary>
    public string? Network { get; }
    public TransactionStatus Status { get; private set; }
    public string? Reason { get; private set; }
    /// <summary>The provider's id for it, once the provider has it.</summary>
    public string? ProviderReference { get; private set; }
    public DateTime Created { get; }
    public DateTime Updated { get; private set; }
    /// <summary>When it was paid or failed.</summary>
    public DateTime? Processed { get; private set; }
    /// <summary>A deposit's page at the provider where the user pays it (an invoice), while there is one.</summary>
    public string? PaymentUrl { get; private set; }
    /// <summary>
    /// While the provider has yet to settle it: when to ask the provider about it again, should its webhook not have
    /// come by then (the reconcile sweep). Null once it is settled, or for a provider that settles at once.
    /// </summary>
    public DateTime? NextCheckAt { get; private set; }
    /// <summary>How often the provider was asked about it without a verdict.</summary>
    public int ProviderChecks { get; private set; }
    public long Version { get; private set; }

    /// <summary>Shown in the user's history: every deposit, and withdrawals the ledger took.</summary>
    public bool IsShown => Status is TransactionStatus.Pending or TransactionStatus.Paid or TransactionStatus.Failed;

    public static PaymentTransaction Deposit(string id, string userId, decimal amount, string method, DateTime now)
    {
        if (amount <= 0) throw new TransactionRuleException("A deposit's amount must be positive");
        return new PaymentTransaction(id, userId, PaymentType.Deposit, method, amount, null, null, now) { Status = TransactionStatus.Pending };
    }

    public static PaymentTransaction Withdrawal(string id, string userId, decimal amount, string method, WalletAddress address, DateTime now)
    {
        if (amount <= 0) throw new TransactionRuleException("A withdrawal's amount must be positive");
        return new PaymentTransaction(id, userId, PaymentType.Withdrawal, method, amount, address.Value, address.Network, now) { Status = TransactionStatus.Requested };
    }

    public static PaymentTransaction Restore(string id, string userId, PaymentType type, string method, decimal amount, string? walletAddress, string? network,
        TransactionStatus status, string? reason, string? providerReference, DateTime created, DateTime updated, DateTime? processed, long version,
        string? paymentUrl = null, DateTime? nextCheckAt = null, int providerChecks = 0) =>
        new(id, userId, type, method, amount, walletAddress, network, created)
        {
            Status = status, Reason = reason, ProviderReference = providerReference, Updated = updated, Processed = processed, Version = version,
            PaymentUrl = paymentUrl, NextCheckAt = nextCheckAt, ProviderChecks = providerChecks,
        };

    /// <summary>The first pause before the provider is asked about an unsettled payment; each later pause doubles, up to <see cref="LongestCheckPause"/>.</summary>
    public static readonly TimeSpan FirstCheckPause = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestCheckPause = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The provider took it and will settle it later (its webhook; failing that, the reconcile sweep asks): its id for
    /// it and, for a deposit, where the user pays it. Said again (a retry), it keeps what it knew.
    /// </summary>
    public void AwaitProvider(string? providerReference, string? paymentUrl, DateTime now)
    {
        if (Status != TransactionStatus.Pending) throw new TransactionRuleException($"Only a pending {Type.ToString().ToLowerInvariant()} waits for its provider");
        ProviderReference = providerReference ?? ProviderReference;
        PaymentUrl = paymentUrl ?? PaymentUrl;
        NextCheckAt ??= now + FirstCheckPause;
        Updated = now;
    }

    /// <summary>The provider was asked and had no verdict yet: ask again later, less often each time.</summary>
    public void CheckedWithoutVerdict(DateTime now)
    {
        ProviderChecks++;
        var pause = FirstCheckPause * Math.Pow(2, Math.Min(ProviderChecks, 10));
        NextCheckAt = now + (pause < LongestCheckPause ? pause : LongestCheckPause);
    }

    /// <summary>The repository wrote it: later writes in the same use case expect this version.</summary>
    public void MarkStored(long version) => Version = version;

    /// <summary>The ledger took the withdrawal's money: it waits for the provider.</summary>
    public void Accept(DateTime now) => Move(TransactionStatus.Requested, TransactionStatus.Pending, now);

    /// <summary>The ledger refused the withdrawal (not enough available): it never happened.</summary>
    public void Refuse(string reason, DateTime now)
    {
        Move(TransactionStatus.Requested, TransactionStatus.Refused, now);
        Reason = reason;
    }

    /// <summary>
    /// The provider paid (a withdrawal) or was paid (a deposit). Doing it again changes nothing. A deposit marked failed
    /// (its invoice expired, say) that the provider reports paid after all is paid: the money did come in.
    /// </summary>
    public void Complete(string? providerReference, DateTime now)
    {
        if (Status == TransactionStatus.Paid) return;
        if (Type == PaymentType.Deposit && Status == TransactionStatus.Failed) Status = TransactionStatus.Pending;
        Move(TransactionStatus.Pending, TransactionStatus.Paid, now);
        ProviderReference = providerReference ?? ProviderReference;
        Processed = now;
        Reason = null;
        NextCheckAt = null;
        if (Type == PaymentType.Withdrawal) Raise(new WithdrawalCompletedDomainEvent(this));
    }

    /// <summary>The provider failed it; for a withdrawal the money goes back. Doing it again changes nothing.</summary>
    public void Fail(string reason, DateTime now)
    {
        if (Status == TransactionStatus.Failed) return;
        Move(TransactionStatus.Pending, TransactionStatus.Failed, now);
        Reason = reason;
        Processed = now;
        NextCheckAt = null;
        if (Type == PaymentType.Withdrawal) Raise(new WithdrawalFailedDomainEvent(this));
    }

    private void Move(TransactionStatus from, TransactionStatus to, DateTime now)
    {
        if (Status != from) throw new TransactionRuleException($"The {Type.ToString().ToLowerInvariant()} is {Status.ToString().ToLowerInvariant()}; only a {from.ToString().ToLowerInvariant()} one can become {to.ToString().ToLowerInvariant()}");
        Status = to;
        Updated = now;
    }
}

public sealed record WithdrawalCompletedDomainEvent(PaymentTransaction Withdrawal) : IDomainEvent;

public sealed record WithdrawalFailedDomainEvent(PaymentTransaction Withdrawal) : IDomainEvent;

public sealed class TransactionRuleException(string message) : DomainRuleException(message);
