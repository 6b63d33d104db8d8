using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ProxyNode.Sessions;

namespace ProxyNode.RequestLog;

/// <summary>One row of the request log: an attempt of an authenticated connection, allowed or blocked (with why).</summary>
public sealed record RequestLogEntry(DateTime Timestamp, string ConnectionId, string DeviceId, string ServerNode, string Target, string TargetType,
    int Port, string ResolvedIp, string Action, string BlockReason, long BytesIn, long BytesOut)
{
    /// <summary>
    /// The row for a session's outcome; null for one that never authenticated (no connection to file it under: those
    /// are counted in the node's metrics only). A refusal after authentication (too many sessions, device unreachable)
    /// is logged as blocked, with its reason.
    /// </summary>
    public static RequestLogEntry? From(SessionOutcome outcome, string serverNode)
    {
        if (outcome.ConnectionId is null || outcome.DeviceId is null || outcome.Target is not { } target) return null;
        if (outcome.Action == SessionAction.Refused && outcome.BlockReason is null) return null;
        return new RequestLogEntry(outcome.StartedAt, outcome.ConnectionId, outcome.DeviceId, serverNode, target.ToString(),
            target.Type switch { Sessions.TargetType.IPv4 => "ipv4", Sessions.TargetType.IPv6 => "ipv6", _ => "domain" }, target.Port, outcome.ResolvedIp ?? string.Empty,
            outcome.Action == SessionAction.Allowed ? "allowed" : "blocked", outcome.BlockReason ?? string.Empty, outcome.BytesIn, outcome.BytesOut);
    }
}

/// <summary>Where batches of rows go (ClickHouse); a write that throws is tried again with the same rows.</summary>
public interface IRequestLogSink
{
    Task WriteAsync(IReadOnlyList<RequestLogEntry> rows, CancellationToken cancellationToken);
}

public sealed record RequestLogOptions
{
    /// <summary>Rows held while the sink is slow or down; beyond this, new rows are dropped (and counted).</summary>
    public int Capacity { get; init; } = 200_000;

    /// <summary>The most rows one write carries.</summary>
    public int BatchSize { get; init; } = 10_000;

    /// <summary>How long a row may wait for others before its batch is written.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause between attempts while the sink fails (the pause doubles from a tenth of a second up to this).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// The node's request log: sessions record their rows here without ever waiting (a bounded queue); one loop writes them
/// in batches. While the sink fails, the batch in hand is tried again (later each time) and new rows wait in the queue;
/// once it is full, new rows are dropped and counted — traffic never waits for the log.
/// </summary>
public sealed class RequestLogWriter(IRequestLogSink sink, RequestLogOptions options, ILogger<RequestLogWriter> logger)
{
    private readonly Channel<RequestLogEntry> _queue = Channel.CreateBounded<RequestLogEntry>(new BoundedChannelOptions(options.Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private long _written;
    private long _dropped;
    private long _failures;

    public long Written => Interlocked.Read(ref _written);
    public long Dropped => Interlocked.Read(ref _dropped);
    public long FailedWrites => Interlocked.Read(ref _failures);
    public int Queued => _queue.Reader.Count;

    /// <summary>Queues a row; false (and counted as dropped) when the queue is full.</summary>
    public bool Record(RequestLogEntry entry)
    {
        if (_queue.Writer.TryWrite(entry)) return true;
        if (Interlocked.Increment(ref _dropped) % 10_000 == 1)
            logger.LogWarning("The request log's queue is full ({Capacity} rows): {Dropped} rows dropped so far", options.Capacity, Dropped);
        return false;
    }

    /// <summary>Writes batches until <paramref name="stopping"/>; then makes one last attempt with what is left (for up to 5 s).</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var batch = new List<RequestLogEntry>(options.BatchSize);
        var delay = TimeSpan.FromMilliseconds(100);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (batch.Count == 0 && !await _queue.Reader.WaitToReadAsync(stopping)) return;
                // Give a batch a moment to fill, unless it is full already.
                if (batch.Count == 0 && _queue.Reader.Count < options.BatchSize) await Task.Delay(options.FlushInterval, stopping);
                while (batch.Count < options.BatchSize && _queue.Reader.TryRead(out var row)) batch.Add(row);
                await sink.WriteAsync(batch, stopping);
                Interlocked.Add(ref _written, batch.Count);
                batch.Clear();
                delay = TimeSpan.FromMilliseconds(100);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Kept: the same rows go again after the pause.
                if (Interlocked.Increment(ref _failures) % 20 == 1)
                    logger.LogWarning("The request log could not be written ({Error}); {Rows} rows kept, trying again", e.Message, batch.Count + Queued);
                try
                {
                    await Task.Delay(delay, stopping);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                delay = TimeSpan.FromTicks(Math.Min(options.MaxRetryDelay.Ticks, delay.Ticks * 2));
            }
        }
        await FlushLastAsync(batch);
    }

    private async Task FlushLastAsync(List<RequestLogEntry> batch)
    {
        while (_queue.Reader.TryRead(out var row)) batch.Add(row);
        if (batch.Count == 0) return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            foreach (var chunk in batch.Chunk(options.BatchSize))
            {
                await sink.WriteAsync(chunk, timeout.Token);
                Interlocked.Add(ref _written, chunk.Length);
            }
        }
        catch (Exception e)
        {
            Interlocked.Add(ref _dropped, batch.Count);
            logger.LogWarning("The request log's last {Rows} rows could not be written at shutdown ({Error})", batch.Count, e.Message);
        }
    }
}
