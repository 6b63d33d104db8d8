using Microsoft.AspNetCore.Http;

namespace Platform.Api.Binding;

/// <summary>The large-body gate's settings (configuration section "Http:LargeBodies").</summary>
public sealed class LargeBodyOptions
{
    public const string Section = "Http:LargeBodies";

    /// <summary>A JSON body over this many bytes is large.</summary>
    public long Bytes { get; set; } = 1024 * 1024;

    /// <summary>How many large bodies a process reads and works on at once.</summary>
    public int AtOnce { get; set; } = 1;

    /// <summary>How long a large body waits for its turn before it is told to come back (429).</summary>
    public TimeSpan Wait { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Bounds the memory JSON bodies take: a body over <see cref="LargeBodyOptions.Bytes"/> (a submission's proof files, up
/// to 71 MiB) is read only with one of <see cref="LargeBodyOptions.AtOnce"/> turns, held until its request is answered
/// (its files' bytes live that long). A large body that waits longer than <see cref="LargeBodyOptions.Wait"/> for a turn
/// is refused with 429 and Retry-After, before it is read: waiting costs the process nothing but the connection.
/// Small bodies never wait.
/// </summary>
public sealed class LargeBodyGate(LargeBodyOptions options) : IDisposable
{
    public const string Busy = "Too many large requests at once; try again in a moment";

    private readonly SemaphoreSlim _turns = new(Math.Max(1, options.AtOnce), Math.Max(1, options.AtOnce));

    public long Threshold => options.Bytes;

    /// <summary>Takes a turn for the rest of <paramref name="context"/>'s request, or throws a 429 when none comes in time.</summary>
    public async Task EnterAsync(HttpContext context)
    {
        if (!await _turns.WaitAsync(options.Wait, context.RequestAborted))
            throw new BadHttpRequestException(Busy, StatusCodes.Status429TooManyRequests);
        context.Response.RegisterForDispose(new Turn(_turns));
    }

    public void Dispose() => _turns.Dispose();

    private sealed class Turn(SemaphoreSlim turns) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) turns.Release();
        }
    }
}
