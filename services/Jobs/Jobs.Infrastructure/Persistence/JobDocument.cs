using Platform.Persistence;

namespace Jobs.Infrastructure.Persistence;

public sealed class JobDocument : Document
{
    public string OwnerId { get; set; } = string.Empty;
    public string? OwnerName { get; set; }
    public string? OwnerCountry { get; set; }
    public string Title { get; set; } = string.Empty;
    public List<string> Categories { get; set; } = [];
    public string Description { get; set; } = string.Empty;
    public string Proof { get; set; } = string.Empty;
    public bool IsProofFile { get; set; }
    public bool AutoRate { get; set; }
    public string? Vcode { get; set; }
    public List<string> TargetWorkers { get; set; } = [];
    public bool FewTimes { get; set; }
    public bool Premium { get; set; }
    public bool Featured { get; set; }
    public int DurationDays { get; set; }
    public int Positions { get; set; }
    public int DailyLimit { get; set; }
    public decimal JobPrice { get; set; }
    public string JobType { get; set; } = string.Empty;
    public string PaymentType { get; set; } = string.Empty;
    public string? AutomationId { get; set; }
    public string? AutomationParameters { get; set; }
    public int MinRating { get; set; }
    public List<string> AllowedWorkers { get; set; } = [];
    public List<string> WorkerInvites { get; set; } = [];
    public int TaskLimit { get; set; }
    public List<ProofFileDocument> Files { get; set; } = [];
    /// <summary>What the employer was charged (null for a job posted before funding, or not yet funded).</summary>
    public decimal? Charged { get; set; }
    /// <summary>A switch back on under way: the id Payments holds the money under, and since when (indexed for the sweep); null otherwise.</summary>
    public string? ReopenId { get; set; }
    public DateTime? ReopeningSince { get; set; }
    public string Status { get; set; } = string.Empty;
    public DateTime Added { get; set; }
    /// <summary>Added + duration: when the expiry sweep ends the job (indexed for the sweep).</summary>
    public DateTime ExpiresAt { get; set; }
    public int TotalTasks { get; set; }
    public int TasksDone { get; set; }
    public int TasksConfirmed { get; set; }
    public int TasksRunning { get; set; }
    public int TasksPending { get; set; }
    /// <summary>Ids of everyone who may see the job privately: the owner and each share (one indexed field for "mine").</summary>
    public List<string> Viewers { get; set; } = [];
    public List<JobShareDocument> Shares { get; set; } = [];
}

public sealed class JobShareDocument
{
    public string UserId { get; set; } = string.Empty;
    public string Permission { get; set; } = string.Empty;
}

public sealed class ProofFileDocument
{
    public string Name { get; set; } = string.Empty;
    public bool Required { get; set; }
    public List<string> Types { get; set; } = [];
}
