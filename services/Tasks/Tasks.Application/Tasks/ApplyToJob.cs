using FluentValidation;
using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Tasks.Application.Ports;

namespace Tasks.Application.Tasks;

/// <summary>A worker applies to an active job (route 9) from <paramref name="Ip"/>: a running task, with the job variables of the planned task it was given.</summary>
public sealed record ApplyToJob(Caller Caller, string JobId, string? Ip) : ICommand<Result<AppliedTask>>;

public sealed class ApplyToJobValidator : AbstractValidator<ApplyToJob>
{
    public ApplyToJobValidator() => RuleFor(x => x.JobId).MustBeAJobId();
}

public sealed class ApplyToJobHandler(IJobReplica jobs, Applying applying) : ICommandHandler<ApplyToJob, Result<AppliedTask>>
{
    public async ValueTask<Result<AppliedTask>> Handle(ApplyToJob command, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(command.JobId, cancellationToken);
        if (job is null) return Error.NotFound(TaskMessages.JobNotFound);
        return await applying.ApplyAsync(command.Caller, job, command.Ip, cancellationToken);
    }
}
