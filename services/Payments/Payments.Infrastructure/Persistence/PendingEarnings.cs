using Payments.Application.Ports;
using Platform.Persistence;

namespace Payments.Infrastructure.Persistence;

/// <summary>One task's pay while it waits for review; <see cref="Open"/> false once reviewed.</summary>
public sealed class PendingEarningDocument : Document
{
    public string WorkerId { get; set; } = string.Empty;
    public decimal Amount { get; set; }
    public bool Open { get; set; }
    /// <summary>"{worker}:open" while open, else null (indexed: a worker's open entries are one lookup).</summary>
    public string? OpenKey { get; set; }
    /// <summary>When the last event applied to it occurred, in UTC ticks (exact: the embedded store keeps dates to the millisecond).</summary>
    public long AtTicks { get; set; }
}

/// <summary>Pending earnings per task in the store; each change is a versioned write that only a newer event makes.</summary>
public sealed class PendingEarnings(IDocumentStore store) : IPendingEarnings
{
    public const string CollectionName = "pending_earnings";
    private readonly IDocumentCollection<PendingEarningDocument> _entries = store.Collection<PendingEarningDocument>(CollectionName);

    public static Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken) =>
        store.Collection<PendingEarningDocument>(CollectionName).EnsureIndexAsync(new IndexDefinition(nameof(PendingEarningDocument.OpenKey)), cancellationToken);

    public Task OpenAsync(string taskId, string workerId, decimal amount, DateTimeOffset at, CancellationToken cancellationToken) =>
        ApplyAsync(taskId, workerId, amount, open: true, at, cancellationToken);

    public Task CloseAsync(string taskId, string workerId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ApplyAsync(taskId, workerId, 0, open: false, at, cancellationToken);

    private async Task ApplyAsync(string taskId, string workerId, decimal amount, bool open, DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var entry = await _entries.GetAsync(taskId, cancellationToken);
            if (entry is null)
            {
                if (await _entries.TryInsertAsync(New(taskId, workerId, amount, open, at), null, cancellationToken)) return;
                continue;
            }
            // An older event changes nothing; at the same instant the review wins (a submission and its automatic
            // confirmation can be stamped alike, and must end closed whichever is heard first).
            if (open ? at.UtcTicks <= entry.AtTicks : at.UtcTicks < entry.AtTicks) return;
            entry.Open = open;
            entry.OpenKey = open ? OpenKeyOf(workerId) : null;
            if (open) entry.Amount = amount;
            entry.AtTicks = at.UtcTicks;
            if (await _entries.TryReplaceAsync(entry, null, cancellationToken)) return;
        }
        throw new InvalidOperationException($"Task {taskId}'s pending earning kept changing; giving up.");
    }

    public async Task<decimal> TotalAsync(string workerId, CancellationToken cancellationToken)
    {
        var total = 0m;
        await foreach (var entry in _entries.ReadAllAsync(Filter.Eq(nameof(PendingEarningDocument.OpenKey), OpenKeyOf(workerId)), 1000, cancellationToken))
            total += entry.Amount;
        return total;
    }

    private static string OpenKeyOf(string workerId) => $"{workerId}:open";

    private static PendingEarningDocument New(string taskId, string workerId, decimal amount, bool open, DateTimeOffset at) => new()
    {
        Id = taskId, WorkerId = workerId, Amount = open ? amount : 0, Open = open, OpenKey = open ? OpenKeyOf(workerId) : null, AtTicks = at.UtcTicks,
    };
}
