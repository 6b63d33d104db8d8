using Platform.Persistence;
using Tasks.Application.Ports;
using Platform.Domain;

namespace Tasks.Infrastructure.Persistence;

public sealed class WorkerDocument : Document
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Country { get; set; }
    public long Reviewed { get; set; }
    public long Confirmed { get; set; }
}

/// <summary>Users as Tasks knows them, with their verdict counts kept by atomic increments.</summary>
public sealed class WorkerDirectory(IDocumentStore store) : IWorkerDirectory
{
    public const string CollectionName = "workers";
    private readonly IDocumentCollection<WorkerDocument> _workers = store.Collection<WorkerDocument>(CollectionName);

    public async Task<Worker> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var d = await _workers.GetAsync(userId, cancellationToken);
        return d is null
            ? new Worker(userId, null, null, null, WorkerRating.New)
            : new Worker(userId, d.Name, d.Email, d.Country, new WorkerRating((int)d.Reviewed, (int)d.Confirmed));
    }

    public async Task RecordUserAsync(string userId, string name, string email, string country, CancellationToken cancellationToken)
    {
        // A verdict may create or count the worker meanwhile: then the write is refused, and the worker read again.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var stored = await _workers.GetAsync(userId, cancellationToken);
            var written = stored is null
                ? await _workers.TryInsertAsync(new WorkerDocument { Id = userId, Name = name, Email = email, Country = country }, null, cancellationToken)
                : await _workers.TryReplaceAsync(Named(stored, name, email, country), null, cancellationToken);
            if (written) return;
        }
        throw new InvalidOperationException($"Worker {userId} kept changing while their name was recorded.");
    }

    /// <summary>One write counts the verdict in both counts; a worker not known yet is created first.</summary>
    public async Task CountVerdictAsync(string userId, bool confirmed, CancellationToken cancellationToken)
    {
        var deltas = new Dictionary<string, long> { [nameof(WorkerDocument.Reviewed)] = 1, [nameof(WorkerDocument.Confirmed)] = confirmed ? 1 : 0 };
        if (await _workers.IncrementAsync(userId, deltas, cancellationToken)) return;
        await _workers.TryInsertAsync(new WorkerDocument { Id = userId }, null, cancellationToken);
        await _workers.IncrementAsync(userId, deltas, cancellationToken);
    }

    private static WorkerDocument Named(WorkerDocument worker, string name, string email, string country)
    {
        worker.Name = name;
        worker.Email = email;
        worker.Country = country;
        return worker;
    }
}
