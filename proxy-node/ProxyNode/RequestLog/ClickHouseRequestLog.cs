using Platform.ClickHouse;

namespace ProxyNode.RequestLog;

/// <summary>The request log's rows into ClickHouse's table (created when missing, on the first write).</summary>
public sealed class ClickHouseRequestLog(ClickHouseStore store) : IRequestLogSink
{
    public async Task WriteAsync(IReadOnlyList<RequestLogEntry> rows, CancellationToken cancellationToken)
    {
        await RequestLogTable.EnsureAsync(store, cancellationToken);
        await store.InsertAsync(RequestLogTable.Name, RequestLogTable.Columns, RequestLogTable.Types, rows.Select(r => RequestLogTable.Row(r.Timestamp,
            r.ConnectionId, r.DeviceId, r.ServerNode, r.Target, r.TargetType, r.Port, r.ResolvedIp, r.Action, r.BlockReason, r.BytesIn, r.BytesOut)),
            cancellationToken);
    }
}
