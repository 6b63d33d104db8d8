using Jobs.Application.Ports;
using Jobs.Domain.Jobs;
using Mediator;
using Platform.Application;
using Platform.Application.Ids;
using Platform.Application.Results;

namespace Jobs.Application.Jobs;

/// <summary>The owner shares a job with another user (view or edit), or removes the share (permission null).</summary>
public sealed record ShareJob(Caller Caller, string JobId, string UserId, SharePermission? Permission) : ICommand<Result>;

public sealed class ShareJobHandler(IJobRepository jobs, IUserDirectory users) : ICommandHandler<ShareJob, Result>
{
    public async ValueTask<Result> Handle(ShareJob command, CancellationToken cancellationToken)
    {
        var found = await jobs.FindAsync(command.JobId, j => j.CanView(command.Caller.UserId), cancellationToken);
        if (!found.IsSuccess) return found.Error!;
        var job = found.Value;
        if (!job.IsOwnedBy(command.Caller.UserId)) return Error.Forbidden("Only the job's owner can share it");

        var userId = command.UserId.ToLowerInvariant();
        if (command.Permission is not { } permission)
        {
            if (!job.Unshare(userId)) return Error.NotFound("This job is not shared with that user");
            await jobs.SaveAsync(job, cancellationToken);
            return Result.Success();
        }

        // The owner is no stranger: sharing with themselves is refused by the job itself.
        if (userId != job.Owner.UserId && (!ObjectIds.IsValid(userId) || !await users.ExistsAsync(userId, cancellationToken)))
            return Error.NotFound("User not found");
        job.ShareWith(userId, permission);
        await jobs.SaveAsync(job, cancellationToken);
        return Result.Success();
    }
}
