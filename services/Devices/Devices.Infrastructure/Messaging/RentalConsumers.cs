using Devices.Application.Rentals;
using Mediator;
using Platform.Application.Results;
using Platform.Contracts.Payments;
using Platform.Messaging;
using Platform.Persistence.Inbox;

namespace Devices.Infrastructure.Messaging;

/// <summary>The renter's balance could not pay an hour: the rental ends.</summary>
public sealed class RentalPaymentFailedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<RentalPaymentFailed>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(RentalPaymentFailed m) => new EndUnpaidRental(m.RemoteDeviceId, m.RentalId);
}
