namespace Tasks.Domain.Tasks;

/// <summary>
/// Where a job task is in its life (the reference's spellings are lower-case):
/// <code>
///   running ──submit──▶ pending ──review──▶ confirmed | declined | notcomplete
///      │                   ▲                                          │
///      │                   └───────────────submit─────────────────────┘
///      ├──submit (automatic checks)──▶ processing ──checks──▶ confirmed | pending (for review)
///      └──automation failure──▶ failed            (processing can fail too)
/// </code>
/// confirmed, declined and failed are ends. A task that is running, processing, pending, notcomplete or confirmed
/// holds a position of its job; declined and failed ones free theirs.
/// </summary>
public enum JobTaskStatus
{
    /// <summary>Applied for (or assigned to a device), not yet submitted.</summary>
    Running,
    /// <summary>Submitted; automatic checks under way.</summary>
    Processing,
    /// <summary>Submitted, waiting for the employer's review.</summary>
    Pending,
    Confirmed,
    Declined,
    /// <summary>The employer asked for a redo; the worker may submit again.</summary>
    NotComplete,
    /// <summary>An automation reported failure.</summary>
    Failed,
}

public static class JobTaskStatusWords
{
    private static readonly string[] Words = Enum.GetValues<JobTaskStatus>().Select(s => s.ToString().ToLowerInvariant()).ToArray();
    private static readonly Dictionary<string, JobTaskStatus> ByWord = Enum.GetValues<JobTaskStatus>().ToDictionary(s => Words[(int)s], StringComparer.Ordinal);

    /// <summary>The status as the reference spells it: lower case (notcomplete in one word).</summary>
    public static string ToWord(this JobTaskStatus status) => Words[(int)status];

    public static bool TryParseWord(string? word, out JobTaskStatus status) => ByWord.TryGetValue(word ?? string.Empty, out status);
}
