using Jobs.Application.Ports;
using Mediator;
using Platform.Application;
using Platform.Application.Results;

namespace Jobs.Application.Jobs;

/// <summary>One job with its automation's schemas. An inactive job is visible only to its owner and shares.</summary>
public sealed record GetJob(Caller Caller, string JobId) : IQuery<Result<JobDetails>>;

public sealed class GetJobHandler(IJobRepository jobs, IAutomationRepository automations) : IQueryHandler<GetJob, Result<JobDetails>>
{
    public async ValueTask<Result<JobDetails>> Handle(GetJob query, CancellationToken cancellationToken)
    {
        var found = await jobs.FindAsync(query.JobId, j => j.IsVisibleTo(query.Caller.UserId), cancellationToken);
        if (!found.IsSuccess) return found.Error!;
        var job = found.Value;

        var automation = job.Terms.AutomationId is null ? null : await automations.GetAsync(job.Terms.AutomationId, cancellationToken);
        return new JobDetails(job, automation);
    }
}
