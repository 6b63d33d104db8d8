using Mediator;
using Platform.Application.Results;
using Tasks.Application.Ports;
using Tasks.Domain.Jobs;

namespace Tasks.Application.Jobs;

/// <summary>A job's owner shared it with a user (view or edit) or removed the share (null): shares see and, with edit, manage its tasks.</summary>
public sealed record RecordJobShare(string JobId, string UserId, SharePermission? Permission) : ICommand<Result>;

public sealed class RecordJobShareHandler(IJobReplica jobs) : ICommandHandler<RecordJobShare, Result>
{
    public async ValueTask<Result> Handle(RecordJobShare command, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(command.JobId, cancellationToken);
        if (job is null) throw new JobNotKnownYetException(command.JobId);
        var shares = new Dictionary<string, SharePermission>(job.Shares);
        if (command.Permission is { } permission) shares[command.UserId] = permission;
        else shares.Remove(command.UserId);
        await jobs.SaveAsync(job with { Shares = shares }, cancellationToken);
        return Result.Success();
    }
}
