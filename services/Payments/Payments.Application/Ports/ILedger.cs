using Payments.Domain.Ledger;

namespace Payments.Application.Ports;

/// <summary>What a posting did.</summary>
public enum PostingOutcome
{
    Posted,
    /// <summary>A posting with this key was made before: nothing changed (a replayed cause).</summary>
    AlreadyPosted,
    /// <summary>The debit would take a user's account below zero: nothing was written.</summary>
    Insufficient,
}

/// <summary>
/// The double-entry ledger: postings are written once each (by key), never changed, and a user's account never goes
/// below zero, however many debits race. Balances are sums of postings.
/// </summary>
public interface ILedger
{
    Task<PostingOutcome> PostAsync(Posting posting, CancellationToken cancellationToken);

    /// <summary>The posting made under <paramref name="key"/>, if one was.</summary>
    Task<Posting?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>What has come into <paramref name="account"/> less what has left it.</summary>
    Task<decimal> BalanceAsync(string account, CancellationToken cancellationToken);

    /// <summary>The postings into <paramref name="account"/> made for <paramref name="cause"/> (a worker's task pay, say).</summary>
    IAsyncEnumerable<Posting> CreditsAsync(string account, string cause, CancellationToken cancellationToken);

    /// <summary>What the holds of all the user's jobs add up to.</summary>
    Task<decimal> HeldForAsync(string userId, CancellationToken cancellationToken);
}
