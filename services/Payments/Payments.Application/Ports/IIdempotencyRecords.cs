namespace Payments.Application.Ports;

/// <summary>A response as it was sent: replayed byte for byte when the same request comes again with the same key.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, byte[] Body);

public enum IdempotencyState
{
    /// <summary>The key is new (or its earlier attempt was abandoned): run the request.</summary>
    New,
    /// <summary>The same request ran with this key: send its response again.</summary>
    Replay,
    /// <summary>The key was used with another request.</summary>
    Mismatch,
    /// <summary>The same request with this key is running right now.</summary>
    InProgress,
}

public sealed record IdempotencyClaim(IdempotencyState State, StoredResponse? Response = null);

/// <summary>
/// The Idempotency-Key header's memory: per user and key, the request's fingerprint and, once it ran, its response. A
/// claim left unfinished (a crash) is taken over after a timeout; the use case then resumes the same operation (its
/// id comes from the key), so a retry never moves money twice.
/// </summary>
public interface IIdempotencyRecords
{
    Task<IdempotencyClaim> ClaimAsync(string userId, string key, string requestHash, CancellationToken cancellationToken);

    Task CompleteAsync(string userId, string key, StoredResponse response, CancellationToken cancellationToken);

    /// <summary>The request failed without an answer worth keeping: the key may be used again.</summary>
    Task ReleaseAsync(string userId, string key, CancellationToken cancellationToken);
}
