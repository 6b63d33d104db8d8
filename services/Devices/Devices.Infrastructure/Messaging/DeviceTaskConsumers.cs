using Devices.Application.Devices;
using Devices.Domain.Devices;
using Mediator;
using Platform.Application.Results;
using Platform.Contracts.Tasks;
using Platform.Messaging;
using Platform.Persistence.Inbox;

namespace Devices.Infrastructure.Messaging;

/// <summary>A device runs a job task: it is busy.</summary>
public sealed class DeviceAssignedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<DeviceAssigned>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(DeviceAssigned m) => new RecordDeviceTask(m.RemoteDeviceId, m.TaskId, new RunningTask(m.TaskId, m.JobId, m.EmployerId));
}

/// <summary>A device's task left running: it is available again.</summary>
public sealed class DeviceReleasedConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<DeviceReleased>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(DeviceReleased m) => new RecordDeviceTask(m.RemoteDeviceId, m.TaskId, Started: null);
}
