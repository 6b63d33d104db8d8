using System.Text.Json.Nodes;
using Devices.Domain.Buckets;
using Platform.Application.Paging;

namespace Devices.Application.Ports;

/// <summary>A device bucket as stored, with the version a conditional write needs (0: none yet).</summary>
public sealed record StoredDeviceBucket(JsonObject Data, long Version);

/// <summary>
/// Which bucket of a device: the device's own (its owner's, shared by the owner's automations: <paramref name="EmployerId"/>
/// null), or that of another employer whose tasks the device runs (the market, a rental): each employer has its own.
/// </summary>
public sealed record DeviceBucketKey(string DeviceId, string? EmployerId = null);

/// <summary>Device buckets and job buckets.</summary>
public interface IBucketStore
{
    Task<StoredDeviceBucket> GetDeviceBucketAsync(DeviceBucketKey bucket, CancellationToken cancellationToken);

    /// <summary>Writes the device bucket if it is still at <paramref name="version"/>; false when another write came first.</summary>
    Task<bool> TryWriteDeviceBucketAsync(DeviceBucketKey bucket, JsonObject data, long version, DateTime now, CancellationToken cancellationToken);

    /// <summary>The job's buckets, newest first by their last write.</summary>
    Task<PagedList<JobBucket>> ListJobBucketsAsync(string jobId, PageRequest page, CancellationToken cancellationToken);

    Task<JobBucket?> GetJobBucketAsync(string jobId, string remoteDeviceId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the (job, device) bucket with <paramref name="data"/>; the saved bucket.</summary>
    Task<JobBucket> PutJobBucketAsync(string jobId, string remoteDeviceId, JsonObject data, DateTime now, CancellationToken cancellationToken);

    Task<bool> DeleteJobBucketAsync(string jobId, string remoteDeviceId, CancellationToken cancellationToken);

    Task<long> DeleteJobBucketsAsync(string jobId, CancellationToken cancellationToken);
}

/// <summary>Devices' copy of the jobs (from Jobs' events): owner, shares, bucket schema.</summary>
public interface IBucketJobs
{
    Task<BucketJob?> GetAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Keeps a posted job; one already known stays.</summary>
    Task AddAsync(BucketJob job, CancellationToken cancellationToken);

    /// <summary>Sets or (with null) removes a user's share of the job; false when the job is unknown.</summary>
    Task<bool> ShareAsync(string jobId, string userId, string? permission, CancellationToken cancellationToken);
}
