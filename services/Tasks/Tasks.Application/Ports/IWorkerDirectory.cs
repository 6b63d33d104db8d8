using Platform.Domain;

namespace Tasks.Application.Ports;

/// <summary>A user as Tasks knows them (from Identity's UserRegistered), with the rating their reviewed tasks earned.</summary>
public sealed record Worker(string UserId, string? Name, string? Email, string? Country, WorkerRating Rating);

/// <summary>The users Tasks has heard of, and each worker's reviewed and confirmed task counts.</summary>
public interface IWorkerDirectory
{
    /// <summary>The user, or one with no name and a fresh rating when Tasks hasn't heard of them yet.</summary>
    Task<Worker> GetAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Records a user's name, email and country (kept when already known).</summary>
    Task RecordUserAsync(string userId, string name, string email, string country, CancellationToken cancellationToken);

    /// <summary>Counts one review verdict (confirmed or declined) of a worker's task, atomically.</summary>
    Task CountVerdictAsync(string userId, bool confirmed, CancellationToken cancellationToken);
}
