using Platform.Persistence;

namespace Tasks.Infrastructure.Persistence;

public sealed class JobTaskDocument : Document
{
    public string JobId { get; set; } = string.Empty;
    public string EmployerId { get; set; } = string.Empty;
    public string JobTitle { get; set; } = string.Empty;
    public decimal Pay { get; set; }
    public string WorkerId { get; set; } = string.Empty;
    public string? WorkerName { get; set; }
    public string? CountryCode { get; set; }
    public string? WorkerIp { get; set; }
    public string? PlannedTaskId { get; set; }
    public string? RemoteDeviceId { get; set; }
    public string Status { get; set; } = string.Empty;
    /// <summary>
    /// "{job}:{worker}" while the task waits for the worker's proof (running or notcomplete), else null (indexed): a
    /// submission finds its task among the few of that pair that wait, however many tasks the worker has done.
    /// </summary>
    public string? AwaitingProofKey { get; set; }
    public DateTime Added { get; set; }
    public DateTime Updated { get; set; }
    public string? Proof { get; set; }
    /// <summary>
    /// "{employer}:{ticks of the last write}" (indexed; see <see cref="ProofCorpus"/>): the proof-uniqueness check reads an
    /// employer's tasks, and later only those written since, as one range of this key.
    /// </summary>
    public string EmployerChange { get; set; } = string.Empty;
    public string? Comment { get; set; }
    public List<ProofFileDocument> ProofFiles { get; set; } = [];
    public string? FailureReason { get; set; }
    public decimal? DeviceOwnerShare { get; set; }
    /// <summary>Written into a sink job by an agent (route 11, data-dump mode): it holds no position of the job.</summary>
    public bool IsDataDump { get; set; }
    /// <summary>Deleted or re-initiated: kept only until its events are published, and never read as a task.</summary>
    public bool Removed { get; set; }
}

public sealed class ProofFileDocument
{
    public string Field { get; set; } = string.Empty;
    public string FileName { get; set; } = string.Empty;
    public string MediaType { get; set; } = string.Empty;
    public long Size { get; set; }
    public string StoredName { get; set; } = string.Empty;
}
