namespace ProxyNode.Sessions;

/// <summary>
/// Copies bytes both ways between the client and the exit until both sides have closed, either side fails, the session
/// sits idle for the idle timeout, or it is cancelled (its connection revoked). A side that closes its sending half is
/// passed on as a half-close (a socket's send side is shut down), so a request sent with a half-close still gets its
/// answer. Each direction waits for its write to finish before it reads again, so a slow reader holds its writer back:
/// nothing is buffered without bound. A direction holds a buffer only while bytes are passing: it waits for data with a
/// zero-byte read, then borrows a buffer from the shared pool for the read and the write, so thousands of quiet
/// sessions hold no buffers while a busy one moves up to 256 KiB per system call. Between two sockets on Linux the
/// bytes don't pass through the process at all (<see cref="SocketSplice"/>).
/// </summary>
public static class Relay
{
    public const int BufferSize = 256 * 1024;

    /// <summary>Relays until the session ends; the bytes that went to the client (in) and to the target (out).</summary>
    public static async Task<(long BytesIn, long BytesOut)> RunAsync(Stream client, Stream exit, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        // Idle for the timeout: cancelled. Every transfer pushes that moment back.
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        session.CancelAfter(idleTimeout);
        long bytesIn = 0, bytesOut = 0;

        async Task PumpAsync(Stream from, Stream to, bool toClient)
        {
            // Socket to socket on Linux: spliced in the kernel; otherwise copied through a pooled buffer.
            var splice = SocketSplice.TryCreate(from, to);
            try
            {
                while (true)
                {
                    var moved = splice is null ? await CopyOnceAsync(from, to, session.Token) : await splice.MoveOnceAsync(session.Token);
                    if (moved == 0) break;
                    session.CancelAfter(idleTimeout);
                    if (toClient) Interlocked.Add(ref bytesIn, moved);
                    else Interlocked.Add(ref bytesOut, moved);
                }
                // This side is done sending: tell the other, and let the other direction run to its own end.
                if (to is System.Net.Sockets.NetworkStream network) network.Socket.Shutdown(System.Net.Sockets.SocketShutdown.Send);
                else if (to is IHalfClosable halfClosable) await halfClosable.CloseSendingAsync(session.Token);
                else await session.CancelAsync();
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException)
            {
                // A failed side ends the session for both.
                await session.CancelAsync();
            }
        }

        await Task.WhenAll(PumpAsync(client, exit, toClient: false), PumpAsync(exit, client, toClient: true));
        return (Interlocked.Read(ref bytesIn), Interlocked.Read(ref bytesOut));
    }

    /// <summary>Waits for bytes without holding a buffer, then copies what came (up to 256 KiB); 0 at the end.</summary>
    private static async ValueTask<int> CopyOnceAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        _ = await from.ReadAsync(Memory<byte>.Empty, cancellationToken); // waits for data, takes none
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var read = await from.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken);
            if (read > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                await to.FlushAsync(cancellationToken);
            }
            return read;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>A stream that can end its sending half and still read (an exit tunnel's stream, say).</summary>
public interface IHalfClosable
{
    Task CloseSendingAsync(CancellationToken cancellationToken);
}
