using Devices.Domain.Devices;
using Platform.Application.Events;
using Platform.Contracts;
using Platform.Contracts.Devices;
using Platform.Domain;

namespace Devices.Application.Events;

/// <summary>What other services hear of Devices' domain events: each carries the device's snapshot as this write stores it.</summary>
public sealed class DeviceIntegrationEvents : IIntegrationEventMap
{
    public IEnumerable<IntegrationEvent> Map(IDomainEvent domainEvent) => domainEvent switch
    {
        DeviceRegisteredDomainEvent registered => [new DeviceRegistered(Snapshot(registered.Device), registered.Device.SecretHash)],
        DeviceSettingsChangedDomainEvent changed => [new DeviceSettingsChanged(Snapshot(changed.Device))],
        DeviceWentOnlineDomainEvent online => [new DeviceOnline(Snapshot(online.Device))],
        DeviceWentOfflineDomainEvent offline => [new DeviceOffline(Snapshot(offline.Device))],
        DeviceRentedDomainEvent rented => [new DeviceRented(Snapshot(rented.Device), rented.Rental.RentalId, rented.Rental.RenterId, rented.Rental.HourlyRate,
            rented.Rental.StartedAt)],
        RentalEndedDomainEvent ended => [new RentalEnded(Snapshot(ended.Device), ended.Rental.RentalId, ended.Rental.RenterId, ended.EndedAt, ended.Reason)],
        _ => throw new ArgumentException($"Devices has no integration event for {domainEvent.GetType().Name}.", nameof(domainEvent)),
    };

    /// <summary>
    /// The device as the write that carries the event stores it: a stored document's version goes up by one per write,
    /// so the snapshot's revision is the version the device is read at, plus one.
    /// </summary>
    private static DeviceSnapshot Snapshot(Device device) => new()
    {
        RemoteDeviceId = device.Id,
        OwnerId = device.OwnerId,
        Name = device.Name,
        Country = device.Specs.Country,
        Brand = device.Specs.Brand,
        Model = device.Specs.Model,
        IsOnMarket = device.Market.IsOnMarket,
        PaymentType = device.Market.PaymentType.ToWire(),
        HourlyRate = device.Market.HourlyRate,
        Automations = device.Market.Automations,
        Online = device.Online,
        RenterId = device.Rental?.RenterId,
        Revision = device.Version + 1,
    };
}
