using Mediator;
using Payments.Application.Ports;
using Payments.Application.Balances;
using Payments.Domain.Transactions;
using Platform.Application;
using Platform.Application.Paging;
using Platform.Application.Results;

namespace Payments.Application.Withdrawals;

/// <summary>A page of the caller's deposits and withdrawals, newest first, with their balance and what they deposited and withdrew in all.</summary>
public sealed record TransactionHistory(PagedList<PaymentTransaction> Page, decimal Balance, decimal TotalWithdrawn, decimal TotalDeposited);

/// <summary>Route 18: the caller's history; the reference's 404 when they have none.</summary>
public sealed record ListTransactions(Caller Caller, PageRequest Page) : IQuery<Result<TransactionHistory>>;

public sealed class ListTransactionsHandler(IPaymentTransactionRepository transactions, UserBalances balances) : IQueryHandler<ListTransactions, Result<TransactionHistory>>
{
    public const string NoTransactions = "No transactions found";

    public async ValueTask<Result<TransactionHistory>> Handle(ListTransactions query, CancellationToken cancellationToken)
    {
        var page = await transactions.ListShownAsync(query.Caller.UserId, query.Page, cancellationToken);
        if (page.Total == 0) return Error.NotFound(NoTransactions);
        var (deposited, withdrawn) = await transactions.TotalsAsync(query.Caller.UserId, cancellationToken);
        var balance = await balances.OfAsync(query.Caller.UserId, cancellationToken);
        return new TransactionHistory(page, balance.Balance, withdrawn, deposited);
    }
}
