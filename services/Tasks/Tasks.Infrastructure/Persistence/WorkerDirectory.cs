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
        for (var attempt = 0; ; attempt++)
        {
            var stored = await _workers.GetAsync(userId, cancellationToken);
            try
            {
                if (stored is null)
                {
                    await _workers.InsertAsync(new WorkerDocument { Id = userId, Name = name, Email = email, Country = country }, null, cancellationToken);
                }
                else
                {
                    stored.Name = name;
                    stored.Email = email;
                    stored.Country = country;
                    await _workers.ReplaceAsync(stored, null, cancellationToken);
                }
                return;
            }
            catch (Exception e) when (e is DuplicateKeyException or ConcurrencyConflictException && attempt < 10)
            {
                // A verdict counted meanwhile: read again.
            }
        }
    }

    public async Task CountVerdictAsync(string userId, bool confirmed, CancellationToken cancellationToken)
    {
        if (await _workers.GetAsync(userId, cancellationToken) is null)
        {
            try
            {
                await _workers.InsertAsync(new WorkerDocument { Id = userId }, null, cancellationToken);
            }
            catch (DuplicateKeyException)
            {
            }
        }
        await _workers.TryIncrementAsync(userId, nameof(WorkerDocument.Reviewed), 1, long.MinValue / 2, cancellationToken);
        if (confirmed) await _workers.TryIncrementAsync(userId, nameof(WorkerDocument.Confirmed), 1, long.MinValue / 2, cancellationToken);
    }
}
