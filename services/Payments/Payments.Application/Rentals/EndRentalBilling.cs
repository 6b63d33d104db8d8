using Mediator;
using Payments.Application.Ports;
using Platform.Application.Results;

namespace Payments.Application.Rentals;

/// <summary>
/// Devices says a rental ended (RentalEnded): no hour that starts after <paramref name="EndedAt"/> is billed, and those
/// that started before it and were not billed yet (the sweep runs every so often) are billed now. A rental whose billing
/// was never opened (its first hour refused) has nothing to end.
/// </summary>
public sealed record EndRentalBilling(string RentalId, DateTime EndedAt) : ICommand<Result>;

public sealed class EndRentalBillingHandler(IRentalBillings billings, RentalHours hours) : ICommandHandler<EndRentalBilling, Result>
{
    public async ValueTask<Result> Handle(EndRentalBilling command, CancellationToken cancellationToken)
    {
        while (await billings.GetAsync(command.RentalId, cancellationToken) is { } billing)
        {
            if (!billing.End(command.EndedAt) || await billings.TrySaveAsync(billing, cancellationToken)) break;
        }
        await hours.BillDueAsync(command.RentalId, cancellationToken);
        return Result.Success();
    }
}
