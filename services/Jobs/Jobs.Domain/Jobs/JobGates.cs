namespace Jobs.Domain.Jobs;

/// <summary>
/// Who may take a job's tasks and what they hand in: the worker's lowest rating (0–100), the only workers allowed
/// (empty: anyone), workers invited by email (they may apply even to a premium job), tasks per worker (0: one, unless
/// the job is few_times), and the proof files a submission carries.
/// </summary>
public sealed record JobGates(int MinRating, IReadOnlyList<string> AllowedWorkers, IReadOnlyList<string> WorkerInvites, int TaskLimit,
    IReadOnlyList<ProofFileField> Files)
{
    public static JobGates None { get; } = new(0, [], [], 0, []);
}

/// <summary>A proof file a submission carries: its field name, whether it must be there, and the media types it may have.</summary>
public sealed record ProofFileField(string Name, bool Required, IReadOnlyList<string> Types);
