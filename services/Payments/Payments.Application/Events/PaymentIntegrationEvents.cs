using Payments.Domain.Rentals;
using Payments.Domain.Transactions;
using Platform.Application.Events;
using Platform.Contracts;
using Platform.Contracts.Payments;
using Platform.Domain;

namespace Payments.Application.Events;

/// <summary>What other services hear of Payments' domain events.</summary>
public sealed class PaymentIntegrationEvents : IIntegrationEventMap
{
    public IEnumerable<IntegrationEvent> Map(IDomainEvent domainEvent) => domainEvent switch
    {
        WithdrawalCompletedDomainEvent e => [new WithdrawalCompleted(e.Withdrawal.Id, e.Withdrawal.UserId, e.Withdrawal.Amount, e.Withdrawal.WalletAddress!, e.Withdrawal.Network!)],
        RentalPaymentFailedDomainEvent e => [new RentalPaymentFailed(e.Billing.Id, e.Billing.DeviceId, e.Billing.RenterId, e.Hour)],
        WithdrawalFailedDomainEvent e => [new WithdrawalFailed(e.Withdrawal.Id, e.Withdrawal.UserId, e.Withdrawal.Amount, e.Withdrawal.Reason ?? string.Empty)],
        _ => throw new ArgumentException($"Payments has no integration event for {domainEvent.GetType().Name}.", nameof(domainEvent)),
    };
}
