using Platform.Domain;

namespace Tasks.Domain.PlannedTasks;

/// <summary>
/// An input the employer prepared for one task of a job (usually a JSON object of job variables). A worker who applies
/// is given one that is free; the job task it was given to is <see cref="JobTaskId"/> (null while it is free). Pinned
/// to a device, only that device is given it (the Devices issue assigns those).
/// </summary>
public sealed class PlannedTask : AggregateRoot
{
    public const int MaxInputLength = 10_000;

    private PlannedTask(string id, string jobId, string input, DateTime added, string? jobTaskId, string? remoteDeviceId, string? deviceName,
        bool runImmediately, long version)
    {
        Id = id;
        JobId = jobId;
        Input = input;
        Added = added;
        JobTaskId = jobTaskId;
        RemoteDeviceId = remoteDeviceId;
        DeviceName = deviceName;
        RunImmediately = runImmediately;
        Version = version;
    }

    public string Id { get; }
    public string JobId { get; }
    public string Input { get; }
    public DateTime Added { get; }
    public string? JobTaskId { get; private set; }
    public string? RemoteDeviceId { get; }
    public string? DeviceName { get; }
    public bool RunImmediately { get; }
    public long Version { get; }

    public bool IsFree => JobTaskId is null;

    public static PlannedTask Plan(string id, string jobId, string input, string? remoteDeviceId, string? deviceName, bool runImmediately, DateTime now)
    {
        if (input.Length is 0 or > MaxInputLength)
            throw new PlannedTaskRuleException($"Each input must be 1 to {MaxInputLength} characters");
        return new PlannedTask(id, jobId, input, now, null, remoteDeviceId, deviceName, runImmediately, 0);
    }

    public static PlannedTask Restore(string id, string jobId, string input, DateTime added, string? jobTaskId, string? remoteDeviceId,
        string? deviceName, bool runImmediately, long version) =>
        new(id, jobId, input, added, jobTaskId, remoteDeviceId, deviceName, runImmediately, version);

    /// <summary>Gives the planned task to a job task.</summary>
    public void GiveTo(string jobTaskId)
    {
        if (!IsFree) throw new PlannedTaskRuleException($"Planned task {Id} is already given to job task {JobTaskId}");
        JobTaskId = jobTaskId;
    }

    /// <summary>Frees the planned task (its job task was deleted or re-initiated) so that it can be given out again.</summary>
    public void Free() => JobTaskId = null;
}

/// <summary>A planned-task rule was broken; the message names it.</summary>
public sealed class PlannedTaskRuleException(string message) : DomainRuleException(message);
