namespace Tasks.Application.Assignment;

/// <summary>
/// Wakes the assignment sweep before its interval is up: planned tasks were added, a device came online or was freed.
/// Wakes that come while the sweep runs are kept (one pending wake), so none is lost.
/// </summary>
public sealed class AssignmentSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake is already pending.
        }
    }

    public void Dispose() => _wake.Dispose();

    /// <summary>Waits for a wake or <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
