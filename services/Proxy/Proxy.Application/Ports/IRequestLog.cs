namespace Proxy.Application.Ports;

/// <summary>
/// The proxy request log (ClickHouse; the nodes write it): one row per SOCKS5 / HTTP CONNECT attempt. Every read is for
/// a set of devices, so that callers see only their own devices' traffic. A log that is not configured or can't be
/// reached throws <see cref="RequestLogUnavailableException"/>.
/// </summary>
public interface IRequestLog
{
    Task<RequestLogPage> SearchAsync(RequestLogSearch search, CancellationToken cancellationToken);

    Task<IReadOnlyList<BandwidthRow>> BandwidthAsync(BandwidthSearch search, CancellationToken cancellationToken);

    /// <summary>Bytes (in + out) of each connection over the last day before <paramref name="now"/> and ever.</summary>
    Task<IReadOnlyDictionary<string, ConnectionTraffic>> TrafficOfAsync(IReadOnlyCollection<string> connectionIds, DateTimeOffset now,
        CancellationToken cancellationToken);
}

public enum LogAction
{
    Allowed,
    Blocked,
}

public sealed record RequestLogSearch(IReadOnlyCollection<string> DeviceIds, DateTimeOffset From, DateTimeOffset To, string? ConnectionId, string? Target,
    LogAction? Action, int Limit, int Offset);

public sealed record RequestLogEntry(DateTimeOffset Timestamp, string ConnectionId, string DeviceId, string ServerNode, string Target, string TargetType,
    int Port, string ResolvedIp, LogAction Action, string? BlockReason, long BytesIn, long BytesOut);

public sealed record RequestLogPage(long Total, IReadOnlyList<RequestLogEntry> Entries);

public enum BandwidthGrouping
{
    None,
    Hour,
    Day,
}

public sealed record BandwidthSearch(IReadOnlyCollection<string> DeviceIds, string? ConnectionId, DateTimeOffset? From, DateTimeOffset? To, BandwidthGrouping GroupBy);

/// <summary>Bytes of one (device, connection), in one time bucket when grouped.</summary>
public sealed record BandwidthRow(string DeviceId, string ConnectionId, long BytesIn, long BytesOut, DateTimeOffset? Bucket);

public sealed record ConnectionTraffic(long BytesLast24Hours, long BytesLifetime);

/// <summary>The request log is not configured (<see cref="Configured"/> false: a 503) or did not answer (a 502).</summary>
public sealed class RequestLogUnavailableException(bool configured, string message, Exception? inner = null) : Exception(message, inner)
{
    public bool Configured { get; } = configured;
}
