using Mediator;
using Platform.Application.Results;
using Platform.Contracts.Devices;
using Platform.Messaging;
using Platform.Persistence.Inbox;
using Proxy.Application.Devices;
using Proxy.Domain.Devices;

namespace Proxy.Infrastructure.Messaging;

/// <summary>Every device event carries the device's snapshot: each keeps Proxy's copy at the newest revision.</summary>
public static class DeviceSnapshots
{
    public static RecordProxyDevice ToCommand(DeviceSnapshot d) => new(new ProxyDevice
    {
        Id = d.RemoteDeviceId, OwnerId = d.OwnerId, Name = d.Name, Brand = d.Brand ?? string.Empty, Model = d.Model ?? string.Empty, Country = d.Country,
        Online = d.Online, IsOnMarket = d.IsOnMarket, RenterId = d.RenterId, Revision = d.Revision,
    });
}

public sealed class DeviceRegisteredConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<DeviceRegistered>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(DeviceRegistered m) => DeviceSnapshots.ToCommand(m.Device);
}

public sealed class DeviceSettingsChangedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<DeviceSettingsChanged>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(DeviceSettingsChanged m) => DeviceSnapshots.ToCommand(m.Device);
}

public sealed class DeviceOnlineConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<DeviceOnline>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(DeviceOnline m) => DeviceSnapshots.ToCommand(m.Device);
}

public sealed class DeviceOfflineConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<DeviceOffline>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(DeviceOffline m) => DeviceSnapshots.ToCommand(m.Device);
}

public sealed class DeviceRentedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<DeviceRented>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(DeviceRented m) => DeviceSnapshots.ToCommand(m.Device);
}

public sealed class RentalEndedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<RentalEnded>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(RentalEnded m) => DeviceSnapshots.ToCommand(m.Device);
}
