using Payments.Application.Ports;
using Payments.Domain.Funding;
using Platform.Persistence;

namespace Payments.Infrastructure.Persistence;

public sealed class JobFundingDocument : Document
{
    public string EmployerId { get; set; } = string.Empty;
    public decimal JobPrice { get; set; }
    public decimal FeePerTask { get; set; }
    public int Positions { get; set; }
    public bool IsOpen { get; set; }
    public bool IsCancelled { get; set; }
    public long StatusTicks { get; set; }
    public string? PendingReopen { get; set; }
}

/// <summary>Job fundings, one document per job (its id is the job's).</summary>
public sealed class JobFundings(IDocumentStore store) : IJobFundings
{
    public const string CollectionName = "job_fundings";
    private readonly IDocumentCollection<JobFundingDocument> _fundings = store.Collection<JobFundingDocument>(CollectionName);

    public async Task<JobFunding?> GetAsync(string jobId, CancellationToken cancellationToken) =>
        await _fundings.GetAsync(jobId, cancellationToken) is { } d
            ? JobFunding.Restore(d.Id, d.EmployerId, d.JobPrice, d.FeePerTask, d.Positions, d.IsOpen, d.IsCancelled, d.StatusTicks, d.Version, d.PendingReopen)
            : null;

    public async Task<bool> TryAddAsync(JobFunding funding, CancellationToken cancellationToken)
    {
        var document = ToDocument(funding);
        if (!await _fundings.TryInsertAsync(document, null, cancellationToken)) return false;
        funding.MarkStored(document.Version);
        return true;
    }

    public async Task<bool> TrySaveAsync(JobFunding funding, CancellationToken cancellationToken)
    {
        var document = ToDocument(funding);
        if (!await _fundings.TryReplaceAsync(document, null, cancellationToken)) return false;
        funding.MarkStored(document.Version);
        return true;
    }

    private static JobFundingDocument ToDocument(JobFunding f) => new()
    {
        Id = f.JobId, EmployerId = f.EmployerId, JobPrice = f.JobPrice, FeePerTask = f.FeePerTask, Positions = f.Positions, IsOpen = f.IsOpen,
        IsCancelled = f.IsCancelled, StatusTicks = f.StatusTicks, PendingReopen = f.PendingReopen, Version = f.Version,
    };
}
