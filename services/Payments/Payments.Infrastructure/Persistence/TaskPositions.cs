using Payments.Application.Ports;
using Platform.Persistence;

namespace Payments.Infrastructure.Persistence;

public sealed class TaskPositionDocument : Document
{
    public string JobId { get; set; } = string.Empty;
    public TaskPosition Position { get; set; }
    /// <summary>"{job}:{position}" (indexed: a job's counts are two index lookups).</summary>
    public string JobPosition { get; set; } = string.Empty;
}

/// <summary>Each task's position in its job, one document per task; in flight is only ever written first.</summary>
public sealed class TaskPositions(IDocumentStore store) : ITaskPositions
{
    public const string CollectionName = "task_positions";
    private readonly IDocumentCollection<TaskPositionDocument> _positions = store.Collection<TaskPositionDocument>(CollectionName);

    public static Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken) =>
        store.Collection<TaskPositionDocument>(CollectionName).EnsureIndexAsync(new IndexDefinition(nameof(TaskPositionDocument.JobPosition)), cancellationToken);

    public async Task RecordAsync(string taskId, string jobId, TaskPosition position, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var current = await _positions.GetAsync(taskId, cancellationToken);
            if (current is null)
            {
                if (await _positions.TryInsertAsync(New(taskId, jobId, position), null, cancellationToken)) return;
                continue;
            }
            // Ends are final: in flight never replaces one, and a confirmed task stays confirmed.
            if (position == TaskPosition.InFlight || current.Position != TaskPosition.InFlight) return;
            current.Position = position;
            current.JobPosition = JobPositionOf(jobId, position);
            if (await _positions.TryReplaceAsync(current, null, cancellationToken)) return;
        }
        throw new InvalidOperationException($"Task {taskId}'s position kept changing; giving up.");
    }

    public async Task<(int Confirmed, int InFlight)> CountAsync(string jobId, CancellationToken cancellationToken) =>
        ((int)await _positions.CountAsync(Filter.Eq(nameof(TaskPositionDocument.JobPosition), JobPositionOf(jobId, TaskPosition.Confirmed)), cancellationToken),
         (int)await _positions.CountAsync(Filter.Eq(nameof(TaskPositionDocument.JobPosition), JobPositionOf(jobId, TaskPosition.InFlight)), cancellationToken));

    private static string JobPositionOf(string jobId, TaskPosition position) => $"{jobId}:{position}";

    private static TaskPositionDocument New(string taskId, string jobId, TaskPosition position) =>
        new() { Id = taskId, JobId = jobId, Position = position, JobPosition = JobPositionOf(jobId, position) };
}
