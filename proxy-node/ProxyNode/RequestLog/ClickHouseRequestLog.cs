using Platform.ClickHouse;

namespace ProxyNode.RequestLog;

/// <summary>The request log's rows into ClickHouse's table (created when missing, on the first write).</summary>
public sealed class ClickHouseRequestLog(ClickHouseStore store) : IRequestLogSink
{
    private volatile bool _tableReady;

    public async Task WriteAsync(IReadOnlyList<RequestLogEntry> rows, CancellationToken cancellationToken)
    {
        if (!_tableReady)
        {
            await RequestLogTable.EnsureAsync(store, cancellationToken);
            _tableReady = true;
        }
        await store.InsertAsync(RequestLogTable.Name, RequestLogTable.Columns, RequestLogTable.Types, rows.Select(r => RequestLogTable.Row(r.Timestamp,
            r.ConnectionId, r.DeviceId, r.ServerNode, r.Target, r.TargetType, r.Port, r.ResolvedIp, r.Action, r.BlockReason, r.BytesIn, r.BytesOut)),
            cancellationToken);
    }
}
