using Mediator;
using Platform.Application;
using Platform.Application.Results;

namespace Payments.Application.Balances;

/// <summary>
/// A user's money (route 19): <see cref="Active"/> is what they may spend or withdraw, <see cref="Balance"/> adds what
/// their own open jobs hold, <see cref="PendingEarnings"/> is the pay of their submitted tasks not yet reviewed.
/// </summary>
public sealed record BalanceView(decimal Balance, decimal Active, decimal PendingEarnings);

public sealed record GetBalance(Caller Caller) : IQuery<Result<BalanceView>>;

public sealed class GetBalanceHandler(UserBalances balances) : IQueryHandler<GetBalance, Result<BalanceView>>
{
    public async ValueTask<Result<BalanceView>> Handle(GetBalance query, CancellationToken cancellationToken) =>
        await balances.OfAsync(query.Caller.UserId, cancellationToken);
}
