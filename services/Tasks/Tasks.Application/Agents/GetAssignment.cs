using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Tasks.Application.Assignment;
using Tasks.Application.Ports;
using Tasks.Domain.Jobs;
using Tasks.Domain.PlannedTasks;
using Tasks.Domain.Tasks;

namespace Tasks.Application.Agents;

/// <summary>
/// Route 51: an agent asks for its device's work. The task its device runs, or else the oldest waiting planned task the
/// device may run, assigned now (the poll is the engine's fastest path); with the task's input, job variables and the
/// job's automation parameters, and a task-scoped token for completing it. None: no content.
/// </summary>
public sealed record GetAssignment(Caller Caller) : IQuery<Result<Assignment?>>;

/// <summary>A device's running task, what it needs to run it, and the token to complete it with.</summary>
public sealed record Assignment(JobTask Task, Job Job, PlannedTask Planned, TaskToken Token);

public sealed class GetAssignmentHandler(IDeviceReplica devices, IJobTaskRepository tasks, IJobReplica jobs, IPlannedTaskRepository plannedTasks,
    DeviceAssignment assignment, IAgentTokens tokens) : IQueryHandler<GetAssignment, Result<Assignment?>>
{
    public const string DeviceNotFound = "Device not found";

    public async ValueTask<Result<Assignment?>> Handle(GetAssignment query, CancellationToken cancellationToken)
    {
        if (query.Caller.RemoteDeviceId is not { } deviceId) return Error.Validation(AgentErrors.NotBoundToDevice);
        var device = await devices.GetAsync(deviceId, cancellationToken);
        if (device is null || device.OwnerId != query.Caller.UserId) return Error.NotFound(DeviceNotFound);

        var task = device.RunningTaskId is { } running && await tasks.GetAsync(running, cancellationToken) is { Status: JobTaskStatus.Running } current
            && current.RemoteDeviceId == device.Id
            ? current
            : device.IsFree ? await assignment.AssignToAsync(device, null, cancellationToken) : null;
        if (task is null) return Result<Assignment?>.Success(null);

        var job = await jobs.GetAsync(task.JobId, cancellationToken);
        var planned = await plannedTasks.GetAsync(task.PlannedTaskId!, cancellationToken);
        if (job is null || planned is null) return Result<Assignment?>.Success(null);
        var token = await tokens.IssueForTaskAsync(task.Id, cancellationToken);
        if (token is null) return Error.Unavailable("The task's token could not be issued just now (the identity service did not answer); poll again");
        return new Assignment(task, job, planned, token);
    }
}

/// <summary>The refusals every agent route shares.</summary>
public static class AgentErrors
{
    public const string NotBoundToDevice = Caller.NotBoundToDevice;
    public const string NotTaskScoped = "This route needs the task-scoped agent token the assignment gave (it carries job_task_id)";
    public const string TaskNotFound = "Task not found";
}
