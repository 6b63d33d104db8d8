namespace Storage.Infrastructure.Scheduling;

public sealed class ExpiredFileSweepOptions
{
    public const string Section = "Storage";

    /// <summary>How often expired files are deleted (Storage__SweepInterval).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
