using System.Text.Json;
using Platform.ClickHouse;
using Proxy.Application.Ports;

namespace Proxy.Infrastructure.RequestLog;

/// <summary>
/// The request log as the proxy nodes write it to ClickHouse (<see cref="RequestLogTable"/>), read for routes 32–34. Its
/// statements are built only from values parsed here or chosen by the code (<see cref="Sql"/>): device and connection
/// ids the use cases validated, times as seconds, the target filter as hex; and every read names its devices. Times
/// are seconds since 1970 both ways (hour and day buckets too), so the server's time zone never matters.
/// </summary>
public sealed class ClickHouseRequestLogReader(ClickHouseStore store) : IRequestLog
{
    private const string Table = RequestLogTable.Name;

    public async Task<RequestLogPage> SearchAsync(RequestLogSearch search, CancellationToken cancellationToken)
    {
        var where = Where(search.DeviceIds, search.ConnectionId, search.From, search.To);
        if (search.Target is { } target) where += $" AND position(target, {Sql.Text(target)}) > 0";
        if (search.Action is { } action) where += $" AND action = {Sql.Text(action == LogAction.Allowed ? "allowed" : "blocked")}";
        var total = await QueryAsync($"SELECT count() AS n FROM {Table} WHERE {where}", cancellationToken);
        var rows = await QueryAsync(
            "SELECT toUnixTimestamp(timestamp) AS ts, connection_id, device_id, server_node, target, target_type, port, resolved_ip, action, block_reason, " +
            $"bytes_in, bytes_out FROM {Table} WHERE {where} ORDER BY timestamp DESC, connection_id LIMIT {Sql.Number(search.Offset)}, {Sql.Number(search.Limit)}",
            cancellationToken);
        return new RequestLogPage(Sql.Int64(total[0].GetProperty("n")), rows.Select(ToEntry).ToList());
    }

    public async Task<IReadOnlyList<BandwidthRow>> BandwidthAsync(BandwidthSearch search, CancellationToken cancellationToken)
    {
        var seconds = search.GroupBy switch { BandwidthGrouping.Hour => 3600, BandwidthGrouping.Day => 86400, _ => 0 };
        var bucket = seconds == 0 ? "" : $", intDiv(toUnixTimestamp(timestamp), {seconds}) * {seconds} AS bucket";
        var groupBy = seconds == 0 ? "device_id, connection_id" : "device_id, connection_id, bucket";
        var rows = await QueryAsync(
            $"SELECT device_id, connection_id, sum(bytes_in) AS bytes_in, sum(bytes_out) AS bytes_out{bucket} FROM {Table} " +
            $"WHERE {Where(search.DeviceIds, search.ConnectionId, search.From, search.To)} GROUP BY {groupBy} ORDER BY {groupBy}", cancellationToken);
        return rows.Select(r => new BandwidthRow(r.GetProperty("device_id").GetString()!, r.GetProperty("connection_id").GetString()!,
            Sql.Int64(r.GetProperty("bytes_in")), Sql.Int64(r.GetProperty("bytes_out")),
            seconds == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(Sql.Int64(r.GetProperty("bucket"))))).ToList();
    }

    public async Task<IReadOnlyDictionary<string, ConnectionTraffic>> TrafficOfAsync(IReadOnlyCollection<string> connectionIds, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (connectionIds.Count == 0)
        {
            // Still a question to the server: a log that is down is a 502 whether or not there are connections.
            await QueryAsync("SELECT 1 AS ok", cancellationToken);
            return new Dictionary<string, ConnectionTraffic>();
        }
        var rows = await QueryAsync(
            $"SELECT connection_id, sum(bytes_in + bytes_out) AS lifetime, sumIf(bytes_in + bytes_out, timestamp >= {Sql.Time(now.AddDays(-1))}) AS day " +
            $"FROM {Table} WHERE connection_id IN {Sql.TextList(connectionIds)} GROUP BY connection_id", cancellationToken);
        return rows.ToDictionary(r => r.GetProperty("connection_id").GetString()!,
            r => new ConnectionTraffic(Sql.Int64(r.GetProperty("day")), Sql.Int64(r.GetProperty("lifetime"))));
    }

    private static string Where(IReadOnlyCollection<string> deviceIds, string? connectionId, DateTimeOffset? from, DateTimeOffset? to)
    {
        var where = $"device_id IN {Sql.TextList(deviceIds)}";
        if (connectionId is not null) where += $" AND connection_id = {Sql.Text(connectionId)}";
        if (from is { } f) where += $" AND timestamp >= {Sql.Time(f)}";
        if (to is { } t) where += $" AND timestamp <= {Sql.Time(t)}";
        return where;
    }

    private async Task<IReadOnlyList<JsonElement>> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        if (!store.IsConfigured) throw new RequestLogUnavailableException(false, "ClickHouse is not configured");
        try
        {
            // Nothing may have been logged yet: an empty log reads as empty, not as an error.
            await RequestLogTable.EnsureAsync(store, cancellationToken);
            return await store.QueryAsync(sql, cancellationToken);
        }
        catch (ClickHouseUnavailableException e)
        {
            throw new RequestLogUnavailableException(true, e.Message, e);
        }
    }

    private static RequestLogEntry ToEntry(JsonElement r) => new(
        DateTimeOffset.FromUnixTimeSeconds(Sql.Int64(r.GetProperty("ts"))),
        r.GetProperty("connection_id").GetString()!,
        r.GetProperty("device_id").GetString()!,
        r.GetProperty("server_node").GetString()!,
        r.GetProperty("target").GetString()!,
        r.GetProperty("target_type").GetString()!,
        r.GetProperty("port").GetInt32(),
        r.GetProperty("resolved_ip").GetString()!,
        r.GetProperty("action").GetString() == "blocked" ? LogAction.Blocked : LogAction.Allowed,
        r.GetProperty("block_reason").GetString() is { Length: > 0 } reason ? reason : null,
        Sql.Int64(r.GetProperty("bytes_in")),
        Sql.Int64(r.GetProperty("bytes_out")));
}
