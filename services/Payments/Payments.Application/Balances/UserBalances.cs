using Payments.Application.Ports;
using Payments.Domain.Ledger;

namespace Payments.Application.Balances;

/// <summary>A user's balances from the ledger: available, plus what their own jobs hold.</summary>
public sealed class UserBalances(ILedger ledger)
{
    public async Task<BalanceView> OfAsync(string userId, CancellationToken cancellationToken)
    {
        var active = await ledger.BalanceAsync(Accounts.Available(userId), cancellationToken);
        var held = await ledger.BalanceOfAccountsStartingWithAsync(Accounts.HeldPrefix(userId), cancellationToken);
        // Pending earnings come from Tasks' submissions (TaskSubmitted), which Payments does not hear yet.
        return new BalanceView(active + held, active, 0m);
    }
}
