namespace Jobs.Infrastructure.Scheduling;

public sealed class JobExpiryOptions
{
    public const string Section = "Jobs";

    /// <summary>How often jobs whose duration has passed are ended (Jobs__ExpirySweepInterval).</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
