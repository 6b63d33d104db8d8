using Platform.Persistence;
using Tasks.Application.Ports;
using Tasks.Domain.Jobs;

namespace Tasks.Infrastructure.Persistence;

public sealed class JobReplicaDocument : Document
{
    public string OwnerId { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string JobType { get; set; } = string.Empty;
    public decimal JobPrice { get; set; }
    public int Positions { get; set; }
    public List<string> TargetWorkers { get; set; } = [];
    public bool FewTimes { get; set; }
    public bool Premium { get; set; }
    public int MinRating { get; set; }
    public List<string> AllowedWorkers { get; set; } = [];
    public List<string> WorkerInvites { get; set; } = [];
    public int TaskLimit { get; set; }
    public int DailyLimit { get; set; }
    public List<ReplicaFileFieldDocument> Files { get; set; } = [];
    public bool AutoRate { get; set; }
    public string? Vcode { get; set; }
    public string? AutomationId { get; set; }
    public string? AutomationParameters { get; set; }
    /// <summary>An active automation job: devices run its tasks (what the assignment engine lists, by one indexed field).</summary>
    public bool TakesDevices { get; set; }
    public string Status { get; set; } = string.Empty;
    public DateTime Added { get; set; }
    public DateTime ExpiresAt { get; set; }
    public Dictionary<string, string> Shares { get; set; } = [];
}

public sealed class ReplicaFileFieldDocument
{
    public string Name { get; set; } = string.Empty;
    public bool Required { get; set; }
    public List<string> Types { get; set; } = [];
}

/// <summary>Tasks' copy of each job, one document per job, written only by Jobs' events.</summary>
public sealed class JobReplica(IDocumentStore store) : IJobReplica
{
    public const string CollectionName = "jobs";
    private readonly IDocumentCollection<JobReplicaDocument> _jobs = store.Collection<JobReplicaDocument>(CollectionName);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken) =>
        await store.Collection<JobReplicaDocument>(CollectionName).EnsureIndexAsync(new IndexDefinition(nameof(JobReplicaDocument.TakesDevices)), cancellationToken);

    public async Task<Job?> GetAsync(string jobId, CancellationToken cancellationToken) => ToDomain(await _jobs.GetAsync(jobId, cancellationToken));

    public async Task<IReadOnlyList<Job>> ListTakingDevicesAsync(string? ownerId, int limit, CancellationToken cancellationToken)
    {
        var taking = Filter.Eq(nameof(JobReplicaDocument.TakesDevices), true);
        var filter = ownerId is null ? taking : Filter.And(taking, Filter.Eq(nameof(JobReplicaDocument.OwnerId), ownerId));
        return (await _jobs.ListAsync(filter, new SortBy(nameof(JobReplicaDocument.Added), Descending: false), limit, cancellationToken))
            .Select(d => ToDomain(d)!).ToList();
    }

    /// <summary>A job heard before keeps the copy it has.</summary>
    public Task AddAsync(Job job, CancellationToken cancellationToken) => _jobs.TryInsertAsync(ToDocument(job), null, cancellationToken);

    /// <summary>A replace at the version the job was read at: an event handled meanwhile makes this one fail and be retried.</summary>
    public Task SaveAsync(Job job, CancellationToken cancellationToken) => _jobs.ReplaceAsync(ToDocument(job), null, cancellationToken);

    private static Job? ToDomain(JobReplicaDocument? d) => d is null
        ? null
        : new Job
        {
            Id = d.Id,
            Version = d.Version,
            OwnerId = d.OwnerId,
            Title = d.Title,
            JobType = d.JobType,
            JobPrice = d.JobPrice,
            Positions = d.Positions,
            Gates = new JobGates(d.TargetWorkers, d.FewTimes, d.Premium, d.MinRating, d.AllowedWorkers, d.WorkerInvites, d.TaskLimit, d.DailyLimit,
                d.Files.Select(f => new ProofFileField(f.Name, f.Required, f.Types)).ToList()),
            AutoRate = d.AutoRate,
            Vcode = d.Vcode,
            AutomationId = d.AutomationId,
            AutomationParameters = d.AutomationParameters,
            Status = Enum.Parse<JobStatus>(d.Status, ignoreCase: true),
            Added = d.Added,
            ExpiresAt = d.ExpiresAt,
            Shares = d.Shares.ToDictionary(s => s.Key, s => Enum.Parse<SharePermission>(s.Value, ignoreCase: true)),
        };

    private static JobReplicaDocument ToDocument(Job job) => new()
    {
        Id = job.Id,
        Version = job.Version,
        OwnerId = job.OwnerId,
        Title = job.Title,
        JobType = job.JobType,
        JobPrice = job.JobPrice,
        Positions = job.Positions,
        TargetWorkers = job.Gates.TargetWorkers.ToList(),
        FewTimes = job.Gates.FewTimes,
        Premium = job.Gates.Premium,
        MinRating = job.Gates.MinRating,
        AllowedWorkers = job.Gates.AllowedWorkers.ToList(),
        WorkerInvites = job.Gates.WorkerInvites.ToList(),
        TaskLimit = job.Gates.TaskLimit,
        DailyLimit = job.Gates.DailyLimit,
        Files = job.Gates.Files.Select(f => new ReplicaFileFieldDocument { Name = f.Name, Required = f.Required, Types = f.Types.ToList() }).ToList(),
        AutoRate = job.AutoRate,
        Vcode = job.Vcode,
        AutomationId = job.AutomationId,
        AutomationParameters = job.AutomationParameters,
        TakesDevices = job.Status == JobStatus.Active && job.JobType == Job.DevicesAutomation && job.AutomationId is not null,
        Status = job.Status.ToString().ToLowerInvariant(),
        Added = job.Added,
        ExpiresAt = job.ExpiresAt,
        Shares = job.Shares.ToDictionary(s => s.Key, s => s.Value.ToString().ToLowerInvariant()),
    };
}
