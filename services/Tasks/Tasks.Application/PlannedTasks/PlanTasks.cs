using FluentValidation;
using Mediator;
using Platform.Application;
using Platform.Application.Ids;
using Platform.Application.Results;
using Tasks.Application.Ports;
using Tasks.Application.Tasks;
using Tasks.Domain.PlannedTasks;

namespace Tasks.Application.PlannedTasks;

/// <summary>
/// The employer (owner or edit share) plans tasks for a job (route 13): one per input, at most as many as the job has
/// positions (counted atomically, so concurrent requests can't plan more). <paramref name="RemoteDeviceId"/> or
/// <paramref name="DeviceName"/> pins them to a device and <paramref name="RunImmediately"/> asks for assignment at
/// once; both are stored now and acted on by the device assignment (the Devices issue).
/// </summary>
public sealed record PlanTasks(Caller Caller, string JobId, IReadOnlyList<string> Inputs, string? RemoteDeviceId, string? DeviceName, bool RunImmediately)
    : ICommand<Result<IReadOnlyList<PlannedTask>>>;

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

public sealed class PlanTasksHandler(IJobReplica jobs, IPlannedTaskRepository plannedTasks, ITaskLimits limits, TimeProvider clock)
    : ICommandHandler<PlanTasks, Result<IReadOnlyList<PlannedTask>>>
{
    public static string TooMany(long excess) => $"No enough positions left. Received {excess} tasks in excess.";

    public async ValueTask<Result<IReadOnlyList<PlannedTask>>> Handle(PlanTasks command, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(command.JobId, cancellationToken);
        if (job is null || !job.CanManage(command.Caller.UserId)) return Error.NotFound(ListPlannedTasksHandler.JobNotFound);

        var count = command.Inputs.Count;
        if (!await limits.TryTakePlannedAsync(job.Id, count, cancellationToken))
            return Error.Validation(TooMany(count - Math.Max(await limits.PlannedLeftAsync(job.Id, cancellationToken), 0)));

        var now = clock.GetUtcNow().UtcDateTime;
        var deviceName = command.RemoteDeviceId is null ? command.DeviceName : null;
        var planned = command.Inputs
            .Select(input => PlannedTask.Plan(ObjectIds.New(), job.Id, input, command.RemoteDeviceId?.ToLowerInvariant(), deviceName, command.RunImmediately, now))
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
        return planned;
    }
}
