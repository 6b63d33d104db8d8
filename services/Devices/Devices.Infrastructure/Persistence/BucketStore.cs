using System.Text.Json.Nodes;
using Devices.Application.Ports;
using Devices.Domain.Buckets;
using Platform.Application.Ids;
using Platform.Application.Paging;
using Platform.Persistence;

namespace Devices.Infrastructure.Persistence;

/// <summary>
/// A device bucket; its data is kept as JSON text (any keys an automation likes, which a document store may not take as
/// field names). Its id is the device's for the owner's bucket, "{device}:{employer}" for another employer's.
/// </summary>
public sealed class DeviceBucketDocument : Document
{
    public string Data { get; set; } = "{}";
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A (job, device) bucket. <see cref="Key"/> ("{job}:{device}") is unique: one bucket per pair.</summary>
public sealed class JobBucketDocument : Document
{
    public string Key { get; set; } = string.Empty;
    public string JobId { get; set; } = string.Empty;
    public string RemoteDeviceId { get; set; } = string.Empty;
    public string Data { get; set; } = "{}";
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Both kinds of bucket, each write conditional on the version read, so concurrent writers never lose one another's keys.</summary>
public sealed class BucketStore(IDocumentStore store) : IBucketStore
{
    public const string DeviceBuckets = "device_buckets";
    public const string JobBuckets = "job_buckets";
    private readonly IDocumentCollection<DeviceBucketDocument> _devices = store.Collection<DeviceBucketDocument>(DeviceBuckets);
    private readonly IDocumentCollection<JobBucketDocument> _jobs = store.Collection<JobBucketDocument>(JobBuckets);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var jobs = store.Collection<JobBucketDocument>(JobBuckets);
        await jobs.EnsureIndexAsync(new IndexDefinition(nameof(JobBucketDocument.Key), Unique: true), cancellationToken);
        await jobs.EnsureIndexAsync(new IndexDefinition(nameof(JobBucketDocument.JobId)), cancellationToken);
    }

    public async Task<StoredDeviceBucket> GetDeviceBucketAsync(DeviceBucketKey bucket, CancellationToken cancellationToken) =>
        await _devices.GetAsync(IdOf(bucket), cancellationToken) is { } d ? new StoredDeviceBucket(Parse(d.Data), d.Version) : new StoredDeviceBucket([], 0);

    public Task<bool> TryWriteDeviceBucketAsync(DeviceBucketKey bucket, JsonObject data, long version, DateTime now, CancellationToken cancellationToken)
    {
        var document = new DeviceBucketDocument { Id = IdOf(bucket), Version = version, Data = data.ToJsonString(), UpdatedAt = now };
        return version == 0 ? _devices.TryInsertAsync(document, null, cancellationToken) : _devices.TryReplaceAsync(document, null, cancellationToken);
    }

    private static string IdOf(DeviceBucketKey bucket) => bucket.EmployerId is { } employer ? $"{bucket.DeviceId}:{employer}" : bucket.DeviceId;

    public async Task<PagedList<JobBucket>> ListJobBucketsAsync(string jobId, PageRequest page, CancellationToken cancellationToken)
    {
        var found = await _jobs.FindAsync(Filter.Eq(nameof(JobBucketDocument.JobId), jobId), new SortBy(nameof(JobBucketDocument.UpdatedAt), Descending: true),
            page.Skip, page.Limit, cancellationToken);
        return new PagedList<JobBucket>(found.Items.Select(ToDomain).ToList(), found.Total, page.Page, page.Limit);
    }

    public async Task<JobBucket?> GetJobBucketAsync(string jobId, string remoteDeviceId, CancellationToken cancellationToken) =>
        await FindAsync(jobId, remoteDeviceId, cancellationToken) is { } d ? ToDomain(d) : null;

    public async Task<JobBucket> PutJobBucketAsync(string jobId, string remoteDeviceId, JsonObject data, DateTime now, CancellationToken cancellationToken)
    {
        while (true)
        {
            var stored = await FindAsync(jobId, remoteDeviceId, cancellationToken);
            var document = new JobBucketDocument
            {
                Id = stored?.Id ?? ObjectIds.New(), Version = stored?.Version ?? 0, Key = KeyOf(jobId, remoteDeviceId), JobId = jobId,
                RemoteDeviceId = remoteDeviceId, Data = data.ToJsonString(), UpdatedAt = now,
            };
            var written = stored is null ? await _jobs.TryInsertAsync(document, null, cancellationToken) : await _jobs.TryReplaceAsync(document, null, cancellationToken);
            if (written) return ToDomain(document);
        }
    }

    public async Task<bool> DeleteJobBucketAsync(string jobId, string remoteDeviceId, CancellationToken cancellationToken) =>
        await FindAsync(jobId, remoteDeviceId, cancellationToken) is { } d && await _jobs.DeleteAsync(d.Id, cancellationToken);

    public Task<long> DeleteJobBucketsAsync(string jobId, CancellationToken cancellationToken) =>
        _jobs.DeleteManyAsync(Filter.Eq(nameof(JobBucketDocument.JobId), jobId), cancellationToken);

    private Task<JobBucketDocument?> FindAsync(string jobId, string remoteDeviceId, CancellationToken cancellationToken) =>
        _jobs.FindOneAsync(Filter.Eq(nameof(JobBucketDocument.Key), KeyOf(jobId, remoteDeviceId)), cancellationToken);

    private static string KeyOf(string jobId, string remoteDeviceId) => $"{jobId}:{remoteDeviceId}";

    private static JsonObject Parse(string json) => JsonNode.Parse(json)?.AsObject() ?? [];

    private static JobBucket ToDomain(JobBucketDocument d) => new(d.Id, d.JobId, d.RemoteDeviceId, Parse(d.Data), d.UpdatedAt);
}
