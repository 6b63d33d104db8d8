using Identity.Domain.Users;

namespace Identity.Application.Ports;

/// <summary>Users with their API clients; a new user is stored with the integration events mapped from what it recorded.</summary>
public interface IUserRepository
{
    Task<User?> GetAsync(string userId, CancellationToken cancellationToken);
    Task<User?> FindByClientIdAsync(string clientId, CancellationToken cancellationToken);
    Task<bool> ExistsAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Replaces the secret hash of the user's API client <paramref name="clientId"/>; false when the user has no such client.</summary>
    Task<bool> ReplaceClientSecretAsync(string userId, string clientId, string secretHash, DateTime now, CancellationToken cancellationToken);

    /// <summary>Stores a new user with its events; false when the email is taken (in any case).</summary>
    Task<bool> TryAddAsync(User user, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one verdict of the user's tasks (confirmed or declined) towards their rating, once per
    /// <paramref name="operation"/> (the event's id, kept on the user until the inbox has recorded the event handled);
    /// false when the user is unknown.
    /// </summary>
    Task<bool> CountVerdictAsync(string userId, bool confirmed, string operation, CancellationToken cancellationToken);
}
