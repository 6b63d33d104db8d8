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
/// the provider then pays it (<see cref="Paid"/>) or fails it (<see cref="Failed"/>: the money went back).
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
        TransactionStatus status, string? reason, string? providerReference, DateTime created, DateTime updated, DateTime? processed, long version) =>
        new(id, userId, type, method, amount, walletAddress, network, created)
        {
            Status = status, Reason = reason, ProviderReference = providerReference, Updated = updated, Processed = processed, Version = version,
        };

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

    /// <summary>The provider paid (a withdrawal) or was paid (a deposit). Doing it again changes nothing.</summary>
    public void Complete(string? providerReference, DateTime now)
    {
        if (Status == TransactionStatus.Paid) return;
        Move(TransactionStatus.Pending, TransactionStatus.Paid, now);
        ProviderReference = providerReference ?? ProviderReference;
        Processed = now;
        if (Type == PaymentType.Withdrawal) Raise(new WithdrawalCompletedDomainEvent(this));
    }

    /// <summary>The provider failed it; for a withdrawal the money goes back. Doing it again changes nothing.</summary>
    public void Fail(string reason, DateTime now)
    {
        if (Status == TransactionStatus.Failed) return;
        Move(TransactionStatus.Pending, TransactionStatus.Failed, now);
        Reason = reason;
        Processed = now;
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
