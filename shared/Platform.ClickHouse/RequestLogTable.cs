namespace Platform.ClickHouse;

/// <summary>
/// The proxy request log: one row per SOCKS5 / HTTP CONNECT attempt. Its writer is the proxy node, its reader the
/// Proxy service; this table is their contract, like an event's. Both create it when missing. The time is the
/// session's start, in seconds; a text the attempt had not (no device, no block reason) is empty.
/// </summary>
public static class RequestLogTable
{
    public const string Name = "proxy_request_log";

    public static readonly IReadOnlyList<string> Columns =
    [
        "timestamp", "connection_id", "device_id", "server_node", "target", "target_type", "port", "resolved_ip", "action", "block_reason", "bytes_in",
        "bytes_out",
    ];

    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>
    {
        ["timestamp"] = "DateTime", ["connection_id"] = "String", ["device_id"] = "String", ["server_node"] = "String", ["target"] = "String",
        ["target_type"] = "String", ["port"] = "UInt16", ["resolved_ip"] = "String", ["action"] = "String", ["block_reason"] = "String",
        ["bytes_in"] = "UInt64", ["bytes_out"] = "UInt64",
    };

    /// <summary>
    /// Partitioned by month (old months can be dropped whole) and ordered by device and time: every read is for some
    /// devices over a time range. MergeTree syntax that 18.16 and current servers both take.
    /// </summary>
    public static string CreateStatement =>
        $"CREATE TABLE IF NOT EXISTS {Name} ({string.Join(", ", Columns.Select(c => $"{c} {Types[c]}"))}) " +
        "ENGINE = MergeTree PARTITION BY toYYYYMM(timestamp) ORDER BY (device_id, timestamp)";

    /// <summary>Creates the table when missing (once per store: later calls cost nothing).</summary>
    public static Task EnsureAsync(ClickHouseStore store, CancellationToken cancellationToken) => store.ExecuteOnceAsync(CreateStatement, cancellationToken);

    /// <summary>A row in <see cref="Columns"/>' order.</summary>
    public static object[] Row(DateTime timestamp, string connectionId, string deviceId, string serverNode, string target, string targetType, int port,
        string resolvedIp, string action, string blockReason, long bytesIn, long bytesOut) =>
        [timestamp, connectionId, deviceId, serverNode, target, targetType, (ushort)port, resolvedIp, action, blockReason, (ulong)bytesIn, (ulong)bytesOut];
}
