namespace Tasks.Application.Assignment;

/// <summary>
/// The assignment engine's settings (section "Tasks:Assignment"): how often the sweep gives waiting planned tasks to free
/// devices (sooner when something wakes it), how long a device may stay offline with a running task before the task
/// fails and its planned task goes back to the pool, how long a claim may wait for its task, the share of a task's pay
/// the owner of another owner's market device earns, and the tries of run_immediately.
/// </summary>
public sealed record AssignmentOptions
{
    public const string Section = "Tasks:Assignment";

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan OfflineGrace { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan ClaimTimeout { get; init; } = TimeSpan.FromMinutes(1);
    public decimal DeviceOwnerSharePercent { get; init; } = 80m;
    public int ImmediateAttempts { get; init; } = 3;
    public TimeSpan ImmediateRetryDelay { get; init; } = TimeSpan.FromSeconds(5);
}
