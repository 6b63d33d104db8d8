using Devices.Application.Ports;
using Devices.Domain.Buckets;
using Platform.Domain;
using Platform.Persistence;

namespace Devices.Infrastructure.Persistence;

public sealed class BucketJobDocument : Document
{
    public string OwnerId { get; set; } = string.Empty;
    public string? AutomationId { get; set; }
    public List<BucketFieldDocument>? BucketSchema { get; set; }
    public Dictionary<string, string> Shares { get; set; } = [];
}

public sealed class BucketFieldDocument
{
    public string Name { get; set; } = string.Empty;
    public string Type { get; set; } = string.Empty;
    public bool Required { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
}

/// <summary>Devices' copy of each job, written by Jobs' events.</summary>
public sealed class BucketJobs(IDocumentStore store) : IBucketJobs
{
    public const string CollectionName = "jobs";
    private readonly IDocumentCollection<BucketJobDocument> _jobs = store.Collection<BucketJobDocument>(CollectionName);

    public async Task<BucketJob?> GetAsync(string jobId, CancellationToken cancellationToken) =>
        await _jobs.GetAsync(jobId, cancellationToken) is { } d
            ? new BucketJob(d.Id, d.OwnerId, d.AutomationId, d.BucketSchema?.Select(f => new InputField(f.Name, f.Type, f.Required, f.Min, f.Max)).ToList(), d.Shares)
            : null;

    public Task AddAsync(BucketJob job, CancellationToken cancellationToken) => _jobs.TryInsertAsync(new BucketJobDocument
    {
        Id = job.JobId,
        OwnerId = job.OwnerId,
        AutomationId = job.AutomationId,
        BucketSchema = job.BucketSchema?.Select(f => new BucketFieldDocument { Name = f.Name, Type = f.Type, Required = f.Required, Min = f.Min, Max = f.Max }).ToList(),
        Shares = job.Shares.ToDictionary(),
    }, null, cancellationToken);

    public async Task<bool> ShareAsync(string jobId, string userId, string? permission, CancellationToken cancellationToken)
    {
        while (await _jobs.GetAsync(jobId, cancellationToken) is { } job)
        {
            if (permission is null) job.Shares.Remove(userId);
            else job.Shares[userId] = permission;
            if (await _jobs.TryReplaceAsync(job, null, cancellationToken)) return true;
        }
        return false;
    }
}
