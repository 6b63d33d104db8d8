using Mediator;
using Payments.Application.Rentals;
using Platform.Application.Results;
using Platform.Contracts.Devices;
using Platform.Messaging;
using Platform.Persistence.Inbox;

namespace Payments.Infrastructure.Messaging;

/// <summary>A device rental ended: its billing stops after the hours that started before the end.</summary>
public sealed class RentalEndedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<RentalEnded>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(RentalEnded m) => new EndRentalBilling(m.RentalId, m.EndedAt);
}
