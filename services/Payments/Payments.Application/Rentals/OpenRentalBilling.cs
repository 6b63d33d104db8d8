using FluentValidation;
using Mediator;
using Payments.Application.Ports;
using Payments.Domain.Rentals;
using Platform.Application;
using Platform.Application.Results;

namespace Payments.Application.Rentals;

/// <summary>
/// Devices opens the billing of a rental as the renter rents (internal route, the renter's token forwarded): the first
/// hour is paid at once from the renter's available balance, or the rental is refused. Asking again for the same rental
/// answers the same (its hours are keyed by rental and hour).
/// </summary>
public sealed record OpenRentalBilling(Caller Caller, string RentalId, string RemoteDeviceId, string OwnerId, decimal HourlyRate, DateTime StartedAt)
    : ICommand<Result<RentalBilling>>;

public sealed class OpenRentalBillingValidator : AbstractValidator<OpenRentalBilling>
{
    public OpenRentalBillingValidator()
    {
        RuleFor(x => x.RentalId).NotEmpty().WithMessage("rental_id is required").MaximumLength(100).WithMessage("rental_id must be at most 100 characters");
        RuleFor(x => x.RemoteDeviceId).NotEmpty().WithMessage("remote_device_id is required").MaximumLength(100);
        RuleFor(x => x.OwnerId).NotEmpty().WithMessage("owner_id is required").MaximumLength(100)
            .NotEqual(x => x.Caller.UserId).WithMessage("A device's owner doesn't rent it");
        RuleFor(x => x.HourlyRate).GreaterThan(0).WithMessage("hourly_rate must be greater than 0")
            .Must(r => decimal.Round(r, RentalBilling.Decimals) == r).WithMessage($"hourly_rate has at most {RentalBilling.Decimals} decimal places");
    }
}

public sealed class OpenRentalBillingHandler(IRentalBillings billings, RentalHours hours, PaymentsOptions options, TimeProvider clock)
    : ICommandHandler<OpenRentalBilling, Result<RentalBilling>>
{
    public const string InsufficientBalance = "Insufficient balance to rent this device";

    public async ValueTask<Result<RentalBilling>> Handle(OpenRentalBilling command, CancellationToken cancellationToken)
    {
        // Its first hour is due now: a start a moment ahead of this clock is taken as now.
        var now = clock.GetUtcNow().UtcDateTime;
        var startedAt = command.StartedAt > now ? now : command.StartedAt;
        var opened = RentalBilling.Open(command.RentalId, command.RemoteDeviceId, command.Caller.UserId, command.OwnerId, command.HourlyRate,
            options.RentalFeePercent, startedAt);
        if (!await billings.TryAddAsync(opened, cancellationToken)
            && await billings.GetAsync(command.RentalId, cancellationToken) is { } existing && existing.RenterId != command.Caller.UserId)
            return Error.Conflict("This rental id is another renter's");

        var billing = await hours.BillDueAsync(command.RentalId, cancellationToken);
        if (billing is null) return Error.NotFound("Rental not found");
        if (billing.Unpaid == 1)
            return Error.Validation($"{InsufficientBalance}: an hour costs {billing.HourlyRate:0.00##}, paid from your available balance when it starts");
        return billing;
    }
}
