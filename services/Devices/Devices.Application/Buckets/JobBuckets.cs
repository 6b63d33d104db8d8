using System.Text.Json.Nodes;
using Devices.Application.Ports;
using Devices.Domain.Buckets;
using Mediator;
using Platform.Application;
using Platform.Application.Paging;
using Platform.Application.Results;
using Platform.Domain;

namespace Devices.Application.Buckets;

/// <summary>A job bucket as route 35 lists it: with its device's name.</summary>
public sealed record JobBucketView(JobBucket Bucket, string? DeviceName);

/// <summary>Route 35: the job's buckets, newest first, each with its device's name (owner or share: view).</summary>
public sealed record ListJobBuckets(Caller Caller, string JobId, PageRequest Page) : IQuery<Result<PagedList<JobBucketView>>>;

public sealed class ListJobBucketsHandler(BucketAccess access, IBucketStore buckets, IDeviceRepository devices)
    : IQueryHandler<ListJobBuckets, Result<PagedList<JobBucketView>>>
{
    public async ValueTask<Result<PagedList<JobBucketView>>> Handle(ListJobBuckets query, CancellationToken cancellationToken)
    {
        var job = await access.JobAsync(query.Caller, query.JobId, null, write: false, cancellationToken);
        if (!job.IsSuccess) return job.Error!;
        var page = await buckets.ListJobBucketsAsync(query.JobId, query.Page, cancellationToken);
        var views = new List<JobBucketView>();
        foreach (var bucket in page.Items)
            views.Add(new JobBucketView(bucket, (await devices.GetAsync(bucket.RemoteDeviceId, cancellationToken))?.Name));
        return new PagedList<JobBucketView>(views, page.Total, page.Page, page.Limit);
    }
}

/// <summary>Route 36: removes every bucket of the job (owner or share: edit); how many.</summary>
public sealed record WipeJobBuckets(Caller Caller, string JobId) : ICommand<Result<long>>;

public sealed class WipeJobBucketsHandler(BucketAccess access, IBucketStore buckets) : ICommandHandler<WipeJobBuckets, Result<long>>
{
    public async ValueTask<Result<long>> Handle(WipeJobBuckets command, CancellationToken cancellationToken)
    {
        var job = await access.JobAsync(command.Caller, command.JobId, null, write: true, cancellationToken);
        return job.IsSuccess ? await buckets.DeleteJobBucketsAsync(command.JobId, cancellationToken) : job.Error!;
    }
}

/// <summary>Route 37: one (job, device) bucket; 404 when there is none.</summary>
public sealed record GetJobBucket(Caller Caller, string JobId, string RemoteDeviceId) : IQuery<Result<JobBucket>>;

public sealed class GetJobBucketHandler(BucketAccess access, IBucketStore buckets) : IQueryHandler<GetJobBucket, Result<JobBucket>>
{
    public const string BucketNotFound = "Bucket not found";

    public async ValueTask<Result<JobBucket>> Handle(GetJobBucket query, CancellationToken cancellationToken)
    {
        var job = await access.JobAsync(query.Caller, query.JobId, query.RemoteDeviceId, write: false, cancellationToken);
        if (!job.IsSuccess) return Error.NotFound(BucketNotFound);
        return await buckets.GetJobBucketAsync(query.JobId, query.RemoteDeviceId.ToLowerInvariant(), cancellationToken) is { } bucket
            ? bucket
            : Error.NotFound(BucketNotFound);
    }
}

/// <summary>
/// Route 38: replaces the (job, device) bucket with <paramref name="Data"/> (no merge), checked against the
/// automation's bucket schema when it has one (declared fields of their type and bounds; other keys are the
/// automation's own). Owner, edit share, or the agent running the job's task on that device.
/// </summary>
public sealed record ReplaceJobBucket(Caller Caller, string JobId, string RemoteDeviceId, JsonObject Data) : ICommand<Result<JobBucket>>;

public sealed class ReplaceJobBucketHandler(BucketAccess access, IBucketStore buckets, TimeProvider clock) : ICommandHandler<ReplaceJobBucket, Result<JobBucket>>
{
    public const string InvalidData = "Invalid bucket data";
    public const string InvalidDevice = "device_id must be a device's remote_device_id (a UUID)";

    public async ValueTask<Result<JobBucket>> Handle(ReplaceJobBucket command, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(command.RemoteDeviceId, out var deviceId)) return Error.Validation(InvalidDevice);
        var job = await access.JobAsync(command.Caller, command.JobId, command.RemoteDeviceId, write: true, cancellationToken);
        if (!job.IsSuccess) return job.Error!;
        if (job.Value.BucketSchema is { } schema
            && InputValues.Problems(command.Data, schema, "data", allowUndeclared: true) is { Count: > 0 } problems)
            return Error.Validation([InvalidData, .. problems]);
        if (!BucketData.FitsIn(command.Data)) return Error.TooLarge(BucketData.TooLarge);
        return await buckets.PutJobBucketAsync(command.JobId, deviceId.ToString(), command.Data, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}

/// <summary>Route 39: removes the (job, device) bucket (owner or share: edit); 404 when there is none.</summary>
public sealed record DeleteJobBucket(Caller Caller, string JobId, string RemoteDeviceId) : ICommand<Result>;

public sealed class DeleteJobBucketHandler(BucketAccess access, IBucketStore buckets) : ICommandHandler<DeleteJobBucket, Result>
{
    public async ValueTask<Result> Handle(DeleteJobBucket command, CancellationToken cancellationToken)
    {
        var job = await access.JobAsync(command.Caller, command.JobId, command.RemoteDeviceId, write: true, cancellationToken);
        if (!job.IsSuccess) return job.Error!;
        return await buckets.DeleteJobBucketAsync(command.JobId, command.RemoteDeviceId.ToLowerInvariant(), cancellationToken)
            ? Result.Success()
            : Error.NotFound(GetJobBucketHandler.BucketNotFound);
    }
}
