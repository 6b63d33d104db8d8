using Jobs.Application.Ports;
using Jobs.Domain.Automations;
using Jobs.Domain.Jobs;
using Platform.Application.Ids;
using Platform.Application.Results;

namespace Jobs.Application.Jobs;

/// <summary>A job as the API shows it: the job, and the automation it links (for the three schemas), if any.</summary>
public sealed record JobDetails(Job Job, Automation? Automation);

public static class JobErrors
{
    public const string NotFound = "Job with this Id not found";
}

public static class JobLookup
{
    /// <summary>
    /// The job named by <paramref name="jobId"/> if the id is well-formed, the job exists and <paramref name="mayFind"/>
    /// lets the caller know of it; otherwise the reference's 404, which reveals nothing about another user's job.
    /// </summary>
    public static async Task<Result<Job>> FindAsync(this IJobRepository jobs, string jobId, Func<Job, bool> mayFind, CancellationToken cancellationToken)
    {
        if (!ObjectIds.IsValid(jobId)) return Error.NotFound(JobErrors.NotFound);
        var job = await jobs.GetAsync(jobId.ToLowerInvariant(), cancellationToken);
        return job is not null && mayFind(job) ? job : Error.NotFound(JobErrors.NotFound);
    }
}
