using System.Collections.Concurrent;

namespace ProxyNode.Sessions;

/// <summary>
/// A kernel pipe for one spliced move (<see cref="SocketSplice"/>), borrowed from a small pool and given back empty:
/// a pipe counts against the user's pipe pages whether or not it holds bytes, so only moves in progress hold one. A
/// pipe disposed before it was released (a move that failed with bytes still in it) is closed, not pooled.
/// </summary>
public sealed class KernelPipe : IDisposable
{
    /// <summary>The capacity asked for (Linux's default limit for an unprivileged process; a refusal leaves the default 64 KiB).</summary>
    public const int Capacity = 1 << 20;

    private static readonly ConcurrentBag<KernelPipe> Pool = [];
    private static readonly int PoolLimit = Math.Max(8, Environment.ProcessorCount * 4);
    private static int _pooled;
    private bool _released;

    private KernelPipe(int readEnd, int writeEnd)
    {
        ReadEnd = readEnd;
        WriteEnd = writeEnd;
    }

    public int ReadEnd { get; }
    public int WriteEnd { get; }

    /// <summary>A pipe from the pool or a new one; null when none can be made (no descriptors left).</summary>
    public static KernelPipe? Rent()
    {
        if (Pool.TryTake(out var pipe))
        {
            Interlocked.Decrement(ref _pooled);
            pipe._released = false;
            return pipe;
        }
        Span<int> ends = stackalloc int[2];
        if (Libc.Pipe2(ends, Libc.ONonBlock | Libc.OCloExec) != 0) return null;
        _ = Libc.Fcntl(ends[1], Libc.FSetPipeSize, Capacity);
        return new KernelPipe(ends[0], ends[1]);
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes of what the pipe holds into <paramref name="buffer"/>.</summary>
    public void ReadExactly(byte[] buffer, int count)
    {
        for (var offset = 0; offset < count;)
        {
            var at = offset;
            var read = Libc.Call(() => Libc.Read(ReadEnd, buffer.AsSpan(at, count - at), (nuint)(count - at)), "read from a pipe");
            if (read <= 0) throw new IOException("the relay's pipe held fewer bytes than were spliced into it");
            offset += read;
        }
    }

    /// <summary>The pipe is empty: dispose gives it back to the pool.</summary>
    public void Release() => _released = true;

    public void Dispose()
    {
        if (_released && Interlocked.Increment(ref _pooled) <= PoolLimit)
        {
            Pool.Add(this);
            return;
        }
        if (_released) Interlocked.Decrement(ref _pooled);
        _ = Libc.Close(ReadEnd);
        _ = Libc.Close(WriteEnd);
    }
}
