using Storage.Domain.Files;

namespace Storage.Application.Ports;

/// <summary>The metadata of stored files, by name.</summary>
public interface IStoredFileRepository
{
    Task AddAsync(StoredFile file, CancellationToken cancellationToken);
    Task<StoredFile?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Files whose expiry is at or before <paramref name="now"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<StoredFile>> FindExpiredAsync(DateTime now, int limit, CancellationToken cancellationToken);

    Task DeleteAsync(string name, CancellationToken cancellationToken);

    /// <summary>When the first of <paramref name="ownerId"/>'s temporary files expires; null when they have none.</summary>
    Task<DateTime?> FirstExpiryOfAsync(string ownerId, CancellationToken cancellationToken);
}
