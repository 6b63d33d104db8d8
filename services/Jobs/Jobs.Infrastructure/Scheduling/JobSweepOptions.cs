namespace Jobs.Infrastructure.Scheduling;

/// <summary>Jobs' background sweeps (configuration section "Jobs").</summary>
public sealed class JobSweepOptions
{
    public const string Section = "Jobs";

    /// <summary>How often jobs whose duration has passed are ended (Jobs__ExpirySweepInterval).</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often posts left waiting for their funding are looked for (Jobs__FundingSweepInterval).</summary>
    public TimeSpan FundingSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a job may wait for its funding before the sweep abandons it (Jobs__UnfundedAfter): well beyond the
    /// funding call's own timeout, so that only a post that stopped is abandoned.
    /// </summary>
    public TimeSpan UnfundedAfter { get; set; } = TimeSpan.FromMinutes(2);
}
