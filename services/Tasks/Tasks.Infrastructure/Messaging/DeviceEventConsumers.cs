using Mediator;
using Platform.Application.Results;
using Platform.Contracts.Devices;
using Platform.Messaging;
using Platform.Persistence.Inbox;
using Tasks.Application.Devices;
using Tasks.Domain.Devices;

namespace Tasks.Infrastructure.Messaging;

/// <summary>Every device event carries the device's snapshot: each keeps Tasks' copy at the newest revision.</summary>
public static class DeviceSnapshots
{
    public static RecordDevice ToCommand(DeviceSnapshot d, DateTimeOffset occurredAt) => new(new Device
    {
        Id = d.RemoteDeviceId,
        OwnerId = d.OwnerId,
        Name = d.Name,
        IsOnMarket = d.IsOnMarket,
        PaymentType = d.PaymentType,
        Automations = d.Automations,
        Online = d.Online,
        RenterId = d.RenterId,
        Revision = d.Revision,
    }, occurredAt.UtcDateTime);
}

public sealed class DeviceRegisteredConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<DeviceRegistered>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(DeviceRegistered m) => DeviceSnapshots.ToCommand(m.Device, m.OccurredAt);
}

public sealed class DeviceSettingsChangedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<DeviceSettingsChanged>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(DeviceSettingsChanged m) => DeviceSnapshots.ToCommand(m.Device, m.OccurredAt);
}

public sealed class DeviceOnlineConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<DeviceOnline>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(DeviceOnline m) => DeviceSnapshots.ToCommand(m.Device, m.OccurredAt);
}

public sealed class DeviceOfflineConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<DeviceOffline>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(DeviceOffline m) => DeviceSnapshots.ToCommand(m.Device, m.OccurredAt);
}

/// <summary>A user rents the device: only their jobs' tasks run on it until the rental ends.</summary>
public sealed class DeviceRentedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<DeviceRented>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(DeviceRented m) => DeviceSnapshots.ToCommand(m.Device, m.OccurredAt);
}

public sealed class RentalEndedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<RentalEnded>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(RentalEnded m) => DeviceSnapshots.ToCommand(m.Device, m.OccurredAt);
}
