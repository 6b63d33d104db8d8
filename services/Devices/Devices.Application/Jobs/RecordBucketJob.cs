using Devices.Application.Ports;
using Devices.Domain.Buckets;
using Mediator;
using Platform.Application.Results;

namespace Devices.Application.Jobs;

/// <summary>Jobs posted a job: Devices keeps who may use its buckets and the automation's bucket schema.</summary>
public sealed record RecordBucketJob(BucketJob Job) : ICommand<Result>;

public sealed class RecordBucketJobHandler(IBucketJobs jobs) : ICommandHandler<RecordBucketJob, Result>
{
    public async ValueTask<Result> Handle(RecordBucketJob command, CancellationToken cancellationToken)
    {
        await jobs.AddAsync(command.Job, cancellationToken);
        return Result.Success();
    }
}

/// <summary>The job's owner shared it (view or edit) or removed a share (null).</summary>
public sealed record RecordJobShare(string JobId, string UserId, string? Permission) : ICommand<Result>;

public sealed class RecordJobShareHandler(IBucketJobs jobs) : ICommandHandler<RecordJobShare, Result>
{
    public async ValueTask<Result> Handle(RecordJobShare command, CancellationToken cancellationToken)
    {
        // A share of a job not heard of yet: the bus retries until JobCreated has been handled.
        if (!await jobs.ShareAsync(command.JobId, command.UserId, command.Permission, cancellationToken))
            throw new InvalidOperationException($"Job {command.JobId} is not known here yet; the share will be retried.");
        return Result.Success();
    }
}
