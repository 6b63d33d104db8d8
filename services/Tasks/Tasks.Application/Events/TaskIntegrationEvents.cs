using Platform.Application.Events;
using Platform.Contracts;
using Platform.Contracts.Tasks;
using Platform.Domain;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Events;

/// <summary>What other services hear of Tasks' domain events: the one place a task's integration events are built.</summary>
public sealed class TaskIntegrationEvents : IIntegrationEventMap
{
    public IEnumerable<IntegrationEvent> Map(IDomainEvent domainEvent) => domainEvent switch
    {
        TaskAppliedDomainEvent e => [new TaskApplied(e.Task.Id, e.Task.JobId, e.Task.WorkerId, e.Task.EmployerId, e.Task.PlannedTaskId, e.Task.RemoteDeviceId)
        {
            Status = e.Status.ToWord(),
        }],
        // What the worker will earn: on another owner's market device, the device owner's share.
        TaskSubmittedDomainEvent e => [new TaskSubmitted(e.Task.Id, e.Task.JobId, e.Task.WorkerId, e.Status.ToWord(), e.Task.DeviceOwnerShare ?? e.Task.Pay)],
        TaskStatusChangedDomainEvent e => [new TaskStatusChanged(e.Task.Id, e.Task.JobId, e.Task.WorkerId, e.Previous.ToWord(), e.Current.ToWord())],
        TaskConfirmedDomainEvent e => [new TaskConfirmed(e.Task.Id, e.Task.JobId, e.Task.WorkerId, e.Task.EmployerId, e.Task.Pay)
        {
            RemoteDeviceId = e.Task.RemoteDeviceId,
            DeviceOwnerShare = e.Task.DeviceOwnerShare,
        }],
        DeviceAssignedDomainEvent e => [new DeviceAssigned(e.Task.Id, e.Task.JobId, e.Task.EmployerId, e.Task.PlannedTaskId!, e.Task.RemoteDeviceId!, e.Task.WorkerId)],
        DeviceReleasedDomainEvent e => [new DeviceReleased(e.Task.Id, e.Task.JobId, e.Task.RemoteDeviceId!, e.Task.Status.ToWord())],
        TaskRemovedDomainEvent e => [new TaskFinished(e.Task.Id, e.Task.JobId, e.Task.Status.ToWord())],
        _ => throw new ArgumentException($"Tasks has no integration event for {domainEvent.GetType().Name}.", nameof(domainEvent)),
    };
}
