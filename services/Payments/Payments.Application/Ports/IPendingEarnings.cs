namespace Payments.Application.Ports;

/// <summary>
/// The pay of each worker's tasks that were submitted and not yet reviewed (pending earnings), kept per task from
/// Tasks' events. Each task's entry keeps the time of the last event applied to it, so an event older than that
/// (delivered late, or again) changes nothing.
/// </summary>
public interface IPendingEarnings
{
    /// <summary>The task was submitted at <paramref name="at"/>: its pay waits for review.</summary>
    Task OpenAsync(string taskId, string workerId, decimal amount, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The task left review at <paramref name="at"/> (a verdict, or sent back for a redo).</summary>
    Task CloseAsync(string taskId, string workerId, DateTimeOffset at, CancellationToken cancellationToken);

    Task<decimal> TotalAsync(string workerId, CancellationToken cancellationToken);
}
