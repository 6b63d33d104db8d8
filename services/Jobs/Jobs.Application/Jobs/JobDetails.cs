using Jobs.Domain.Automations;
using Jobs.Domain.Jobs;

namespace Jobs.Application.Jobs;

/// <summary>A job as the API shows it: the job, and the automation it links (for the three schemas), if any.</summary>
public sealed record JobDetails(Job Job, Automation? Automation);

public static class JobErrors
{
    public const string NotFound = "Job with this Id not found";
}
