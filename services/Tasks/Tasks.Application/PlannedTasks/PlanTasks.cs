using FluentValidation;
using Mediator;
using Platform.Application;
using Platform.Application.Ids;
using Platform.Application.Results;
using Tasks.Application.Assignment;
using Tasks.Application.Ports;
using Tasks.Application.Tasks;
using Tasks.Domain.PlannedTasks;

namespace Tasks.Application.PlannedTasks;

/// <summary>
/// The employer (owner or edit share) plans tasks for a job (route 13): one per input, at most as many as the job has
/// positions (counted atomically, so concurrent requests can't plan more). <paramref name="RemoteDeviceId"/> or
/// <paramref name="DeviceName"/> (resolved to its device; names are unique, so an unknown one is the only 400) pins
/// them to a device, which alone is given them (when it is busy or offline they wait). The assignment engine gives
/// them out; <paramref name="RunImmediately"/> tries at once, up to three times five seconds apart, and says which
/// were assigned.
/// </summary>
public sealed record PlanTasks(Caller Caller, string JobId, IReadOnlyList<string> Inputs, string? RemoteDeviceId, string? DeviceName, bool RunImmediately)
    : ICommand<Result<PlannedTasks>>;

/// <summary>The planned tasks, and with run_immediately whether each was assigned (by planned task id).</summary>
public sealed record PlannedTasks(IReadOnlyList<PlannedTask> Planned, IReadOnlyDictionary<string, bool>? Assigned);

public sealed class PlanTasksValidator : AbstractValidator<PlanTasks>
{
    public const int MaxInputs = 10_000;

    public PlanTasksValidator()
    {
        RuleFor(x => x.JobId).MustBeAJobId();
        RuleFor(x => x.Inputs).NotEmpty().WithMessage("inputs must hold at least one input")
            .Must(i => i.Count <= MaxInputs).WithMessage($"inputs holds at most {MaxInputs} inputs");
        RuleForEach(x => x.Inputs).Must(i => i.Length is > 0 and <= PlannedTask.MaxInputLength)
            .WithMessage($"Each input must be 1 to {PlannedTask.MaxInputLength} characters");
        RuleFor(x => x.RemoteDeviceId).Must(id => Guid.TryParse(id, out _)).When(x => x.RemoteDeviceId is not null)
            .WithMessage("remote_device_id must be a UUID");
        RuleFor(x => x.DeviceName).MaximumLength(100).WithMessage("device_name must be at most 100 characters");
    }
}

public sealed class PlanTasksHandler(IJobReplica jobs, IPlannedTaskRepository plannedTasks, ITaskLimits limits, IDeviceReplica devices,
    DeviceAssignment assignment, AssignmentSignal signal, AssignmentOptions options, TimeProvider clock)
    : ICommandHandler<PlanTasks, Result<PlannedTasks>>
{
    public static string TooMany(long excess) => $"No enough positions left. Received {excess} tasks in excess.";
    public static string NoSuchDevice(string name) => $"No device is named '{name}'";

    public async ValueTask<Result<PlannedTasks>> Handle(PlanTasks command, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(command.JobId, cancellationToken);
        if (job is null || !job.CanManage(command.Caller.UserId)) return Error.NotFound(ListPlannedTasksHandler.JobNotFound);

        var pinned = command.RemoteDeviceId?.ToLowerInvariant();
        var deviceName = command.RemoteDeviceId is null ? command.DeviceName?.Trim() : null;
        if (pinned is null && !string.IsNullOrEmpty(deviceName))
        {
            if (await devices.FindByNameAsync(deviceName, cancellationToken) is not { } named) return Error.Validation(NoSuchDevice(deviceName));
            pinned = named.Id;
            deviceName = named.Name;
        }

        var count = command.Inputs.Count;
        if (!await limits.TryTakePlannedAsync(job.Id, count, cancellationToken))
            return Error.Validation(TooMany(count - Math.Max(await limits.PlannedLeftAsync(job.Id, cancellationToken), 0)));

        var now = clock.GetUtcNow().UtcDateTime;
        var planned = command.Inputs
            .Select(input => PlannedTask.Plan(ObjectIds.New(), job.Id, input, pinned, deviceName, command.RunImmediately, now))
            .ToList();
        try
        {
            await plannedTasks.AddManyAsync(planned, cancellationToken);
        }
        catch
        {
            await limits.ReturnPlannedAsync(job.Id, count, CancellationToken.None);
            throw;
        }
        if (!command.RunImmediately)
        {
            signal.Wake();
            return new PlannedTasks(planned, null);
        }
        return new PlannedTasks(planned, await AssignNowAsync(job, planned, cancellationToken));
    }

    /// <summary>Tries each planned task on the free devices, again for those left after each pause, up to the configured attempts.</summary>
    private async Task<IReadOnlyDictionary<string, bool>> AssignNowAsync(Domain.Jobs.Job job, List<PlannedTask> planned, CancellationToken cancellationToken)
    {
        var assigned = planned.ToDictionary(p => p.Id, _ => false);
        for (var attempt = 1; ; attempt++)
        {
            foreach (var waiting in planned.Where(p => !assigned[p.Id]))
            {
                // Read again: the sweep or an agent's poll may have given it out meanwhile.
                var current = await plannedTasks.GetAsync(waiting.Id, cancellationToken);
                assigned[waiting.Id] = current is not null && (!current.IsFree || await assignment.AssignAsync(job, current, cancellationToken) is not null);
            }
            if (attempt >= options.ImmediateAttempts || assigned.Values.All(a => a)) return assigned;
            await Task.Delay(options.ImmediateRetryDelay, clock, cancellationToken);
        }
    }
}
