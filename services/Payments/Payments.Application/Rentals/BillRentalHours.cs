using Mediator;
using Payments.Application.Ports;
using Platform.Application.Results;

namespace Payments.Application.Rentals;

/// <summary>
/// The rental sweep: every rental whose next hour has started is billed for it (see <see cref="RentalHours"/>); one the
/// renter can't pay stops, and Devices ends it (RentalPaymentFailed). Returns how many rentals were looked at.
/// </summary>
public sealed record BillRentalHours(int BatchSize = 200) : ICommand<Result<int>>;

public sealed class BillRentalHoursHandler(IRentalBillings billings, RentalHours hours, TimeProvider clock) : ICommandHandler<BillRentalHours, Result<int>>
{
    public async ValueTask<Result<int>> Handle(BillRentalHours command, CancellationToken cancellationToken)
    {
        var due = await billings.FindDueAsync(clock.GetUtcNow().UtcDateTime, command.BatchSize, cancellationToken);
        foreach (var billing in due) await hours.BillDueAsync(billing.Id, cancellationToken);
        return due.Count;
    }
}
