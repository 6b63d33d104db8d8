using Platform.Application.Paging;
using Payments.Domain.Transactions;

namespace Payments.Application.Ports;

/// <summary>A user's deposits and withdrawals, as their history shows them.</summary>
public interface IPaymentTransactionRepository
{
    Task AddAsync(PaymentTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Writes it (with its events) if nobody changed it since it was read; false when someone did.</summary>
    Task<bool> TrySaveAsync(PaymentTransaction transaction, CancellationToken cancellationToken);

    Task<PaymentTransaction?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The user's shown transactions (not refused or unfinished requests), newest first.</summary>
    Task<PagedList<PaymentTransaction>> ListShownAsync(string userId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// Deposits and withdrawals the provider has yet to settle whose time to ask it again has come (their
    /// <see cref="PaymentTransaction.NextCheckAt"/> at or before <paramref name="now"/>), the longest due first.
    /// </summary>
    Task<IReadOnlyList<PaymentTransaction>> ListDueForCheckAsync(DateTime now, int limit, CancellationToken cancellationToken);

    /// <summary>What the user deposited (paid deposits) and withdrew (withdrawals pending or paid), both positive.</summary>
    Task<(decimal Deposited, decimal Withdrawn)> TotalsAsync(string userId, CancellationToken cancellationToken);
}
