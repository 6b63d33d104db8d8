using Devices.Application.Devices;
using Devices.Application.Ports;
using Devices.Domain.Buckets;
using Platform.Application;
using Platform.Application.Results;

namespace Devices.Application.Buckets;

/// <summary>
/// Who may use which bucket. A job's buckets: its owner, its shares (view reads, edit writes), and the agent of a device
/// running one of its tasks, with that task's token, for that device's bucket only; anyone else finds no job. A
/// device's bucket: its owner, or the employer whose task it runs now; the device comes from an agent token, else from
/// the body.
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

    /// <summary>The device whose bucket the caller asks for: the agent token's device, or <paramref name="bodyDeviceId"/> for a user.</summary>
    public async Task<Result<string>> DeviceAsync(Caller caller, string? bodyDeviceId, CancellationToken cancellationToken)
    {
        var deviceId = caller.RemoteDeviceId ?? bodyDeviceId;
        if (string.IsNullOrWhiteSpace(deviceId)) return Error.Validation(NoDeviceContext);
        return await devices.FindAsync(deviceId, cancellationToken) is { } device && device.IsUsableBy(caller.UserId)
            ? device.Id
            : Error.NotFound(DeviceAccess.NotFound);
    }

    private async Task<bool> RunsTaskOfAsync(string deviceId, string? taskId, string jobId, CancellationToken cancellationToken) =>
        taskId is not null && await devices.FindAsync(deviceId, cancellationToken) is { Running: { } running }
                           && running.TaskId == taskId && running.JobId == jobId;
}
