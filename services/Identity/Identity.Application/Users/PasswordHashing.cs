using Identity.Application.Ports;

namespace Identity.Application.Users;

/// <summary>
/// Runs <see cref="IPasswordHasher"/> at most <see cref="IdentityLimits.ConcurrentPasswordHashes"/> at a time, with at
/// most <see cref="IdentityLimits.QueuedPasswordHashes"/> waiting for a turn; a hash asked for beyond that is not run
/// (null), so a flood of sign-ups costs a bounded amount of memory and CPU and is told to come back (429).
/// </summary>
public sealed class PasswordHashing(IPasswordHasher hasher, IdentityLimits limits) : IDisposable
{
    private readonly SemaphoreSlim _turns = new(limits.ConcurrentPasswordHashes, limits.ConcurrentPasswordHashes);
    private int _waitingOrRunning;

    /// <summary>The password's hash, or null when too many are being hashed or wait to be.</summary>
    public async Task<string?> TryHashAsync(string password, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _waitingOrRunning) > limits.ConcurrentPasswordHashes + limits.QueuedPasswordHashes)
        {
            Interlocked.Decrement(ref _waitingOrRunning);
            return null;
        }
        try
        {
            await _turns.WaitAsync(cancellationToken);
            try
            {
                // The hash is CPU- and memory-bound: off the request's thread, one of the bounded few.
                return await Task.Run(() => hasher.Hash(password), cancellationToken);
            }
            finally
            {
                _turns.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waitingOrRunning);
        }
    }

    public void Dispose() => _turns.Dispose();
}
