using Devices.Application.Devices;
using Devices.Application.Ports;
using Devices.Domain.Buckets;
using Platform.Application;
using Platform.Application.Results;

namespace Devices.Application.Buckets;

/// <summary>
/// Who may use which bucket. A job's buckets: its owner, its shares (view reads, edit writes), and the agent of a device
/// running one of its tasks, with that task's token, for that device's bucket only; anyone else finds no job. A device's
/// buckets: one is the owner's, shared by the owner, the device's agent and the owner's own automations; every other
/// employer whose tasks the device runs (a market device, a rented one) has a bucket of its own on it, which only it
/// (while its task runs, or it rents the device) and its automations' task tokens reach. The device comes from an agent
/// token, else from the body.
/// </summary>
public sealed class BucketAccess(IBucketJobs jobs, IDeviceRepository devices)
{
    public const string JobNotFound = "Job not found";
    public const string NoDeviceContext = "Device bucket requires a device context (remote_device_id)";

    /// <summary>The job, when the caller may read (or <paramref name="write"/>) its buckets; <paramref name="deviceId"/>: the one bucket asked for, if any.</summary>
    public async Task<Result<BucketJob>> JobAsync(Caller caller, string jobId, string? deviceId, bool write, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(jobId, cancellationToken);
        if (job is null) return Error.NotFound(JobNotFound);
        if (caller.RemoteDeviceId is { } agentDevice)
            return deviceId is not null && string.Equals(deviceId, agentDevice, StringComparison.OrdinalIgnoreCase)
                   && await RunsTaskOfAsync(agentDevice, caller.JobTaskId, jobId, cancellationToken)
                ? job
                : Error.NotFound(JobNotFound);
        return job.Allows(caller.UserId, write) ? job : Error.NotFound(JobNotFound);
    }

    /// <summary>
    /// The device bucket the caller asks for: on the agent token's device (the running task's employer's with a task
    /// token, the owner's without), or on <paramref name="bodyDeviceId"/> for a user (the owner's own, or the bucket of the
    /// renter or of the employer whose task runs there now).
    /// </summary>
    public async Task<Result<DeviceBucketKey>> DeviceAsync(Caller caller, string? bodyDeviceId, CancellationToken cancellationToken)
    {
        var deviceId = caller.RemoteDeviceId ?? bodyDeviceId;
        if (string.IsNullOrWhiteSpace(deviceId)) return Error.Validation(NoDeviceContext);
        if (await devices.FindAsync(deviceId, cancellationToken) is not { } device) return Error.NotFound(DeviceAccess.NotFound);
        string? user;
        if (caller.RemoteDeviceId is not null)
        {
            // An agent acts for the device's owner; with a task's token, for that task's employer, while the task runs.
            if (!device.IsOwnedBy(caller.UserId)) return Error.NotFound(DeviceAccess.NotFound);
            if (caller.JobTaskId is null) user = caller.UserId;
            else if (device.Running is { } running && running.TaskId == caller.JobTaskId) user = running.EmployerId;
            else return Error.NotFound(DeviceAccess.NotFound);
        }
        else if (device.IsUsableBy(caller.UserId)) user = caller.UserId;
        else return Error.NotFound(DeviceAccess.NotFound);
        return new DeviceBucketKey(device.Id, device.IsOwnedBy(user) ? null : user);
    }

    private async Task<bool> RunsTaskOfAsync(string deviceId, string? taskId, string jobId, CancellationToken cancellationToken) =>
        taskId is not null && await devices.FindAsync(deviceId, cancellationToken) is { Running: { } running }
                           && running.TaskId == taskId && running.JobId == jobId;
}
