using Payments.Application.Ports;
using Payments.Domain.Ledger;

namespace Payments.Application.Balances;

/// <summary>A user's balances from the ledger (available, plus what their own jobs hold) and their pending earnings.</summary>
public sealed class UserBalances(ILedger ledger, IPendingEarnings pendingEarnings)
{
    public async Task<BalanceView> OfAsync(string userId, CancellationToken cancellationToken)
    {
        var active = await ledger.BalanceAsync(Accounts.Available(userId), cancellationToken);
        var held = await ledger.HeldForAsync(userId, cancellationToken);
        return new BalanceView(active + held, active, await pendingEarnings.TotalAsync(userId, cancellationToken));
    }
}
