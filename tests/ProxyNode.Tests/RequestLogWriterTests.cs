using Microsoft.Extensions.Logging.Abstractions;
using Platform.ClickHouse;
using Platform.Testing;
using ProxyNode.RequestLog;
using ProxyNode.Sessions;

namespace ProxyNode.Tests;

/// <summary>
/// The node's request log writer: rows in batches; a sink that fails keeps its rows (tried again later); a queue that
/// fills while it fails drops and counts the excess instead of making sessions wait; and real rows in ClickHouse.
/// </summary>
public sealed class RequestLogWriterTests
{
    private static RequestLogEntry Row(int i) => new(DateTime.UtcNow, $"c-{i}", "d-1", "node", "example.com:443", "domain", 443, "", "allowed", "", i, i);

    private sealed class FlakySink : IRequestLogSink
    {
        public volatile bool Down;
        public int FailuresLeft;
        public List<RequestLogEntry> Rows { get; } = [];
        public int Writes;

        public Task WriteAsync(IReadOnlyList<RequestLogEntry> rows, CancellationToken cancellationToken)
        {
            if (Down || Interlocked.Decrement(ref FailuresLeft) >= 0) throw new HttpRequestException("ClickHouse is down");
            lock (Rows) Rows.AddRange(rows);
            Interlocked.Increment(ref Writes);
            return Task.CompletedTask;
        }
    }

    private static readonly RequestLogOptions Fast = new()
    {
        Capacity = 100, BatchSize = 50, FlushInterval = TimeSpan.FromMilliseconds(20), MaxRetryDelay = TimeSpan.FromMilliseconds(50),
    };

    [Fact]
    public async Task Rows_a_failing_sink_refused_are_written_once_it_recovers_in_batches()
    {
        var sink = new FlakySink { FailuresLeft = 3 };
        var writer = new RequestLogWriter(sink, Fast, NullLogger<RequestLogWriter>.Instance);
        using var stop = new CancellationTokenSource();
        var running = writer.RunAsync(stop.Token);

        for (var i = 0; i < 90; i++) writer.Record(Row(i)).Should().BeTrue();
        await Eventually.HoldsAsync(() => writer.Written == 90, "every row is written");

        writer.FailedWrites.Should().Be(3);
        writer.Dropped.Should().Be(0);
        sink.Rows.Select(r => r.ConnectionId).Should().BeEquivalentTo(Enumerable.Range(0, 90).Select(i => $"c-{i}"), "each row once, none lost");
        sink.Writes.Should().BeLessThanOrEqualTo(3, "rows go in batches of up to 50");
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task While_the_sink_is_down_a_full_queue_drops_and_counts_new_rows_and_the_rest_are_written_later()
    {
        var sink = new FlakySink { Down = true };
        var writer = new RequestLogWriter(sink, Fast, NullLogger<RequestLogWriter>.Instance);
        using var stop = new CancellationTokenSource();
        var running = writer.RunAsync(stop.Token);
        await Eventually.HoldsAsync(() => { writer.Record(Row(-1)); return writer.FailedWrites > 0; }, "the writer has tried and failed");

        var accepted = Enumerable.Range(0, 300).Count(i => writer.Record(Row(i)));

        accepted.Should().BeLessThanOrEqualTo(Fast.Capacity, "the queue holds what it may and no more");
        writer.Dropped.Should().Be(300 - accepted);
        sink.Down = false;
        await Eventually.HoldsAsync(() => writer.Queued == 0 && sink.Rows.Count > 0 && writer.Written == sink.Rows.Count && writer.Written >= accepted,
            "what was kept is written once the sink is back");
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task Sessions_through_the_node_land_in_clickhouse_as_rows_of_the_request_log()
    {
        var server = await ClickHouseServer.SharedAsync();
        using var store = new ClickHouseStore(server.ConnectionString);
        var writer = new RequestLogWriter(new ClickHouseRequestLog(store), Fast, NullLogger<RequestLogWriter>.Instance);
        using var stop = new CancellationTokenSource();
        var running = writer.RunAsync(stop.Token);
        await using var node = new NodeHarness();
        node.State.Apply(new Platform.Contracts.Proxy.ProxyBlacklistChanged(NodeHarness.DeviceId, ["blocked.example"], 1));

        (await Curl.RunAsync("-x", $"socks5h://{node.ConnectionId}:{NodeHarness.Password}@127.0.0.1:{node.SocksPort}", $"http://127.0.0.1:{node.TargetPort}/"))
            .Output.Should().Contain("hello");
        await Curl.RunAsync("-x", $"socks5h://{node.ConnectionId}:{NodeHarness.Password}@127.0.0.1:{node.SocksPort}", "http://www.blocked.example/");
        await Eventually.HoldsAsync(() => node.Outcomes.Count >= 2, "both sessions ended");
        foreach (var outcome in node.Outcomes) if (RequestLogEntry.From(outcome, "test-node") is { } row) writer.Record(row);
        await Eventually.HoldsAsync(() => writer.Written == 2, "both rows are written");

        var rows = await store.QueryAsync(
            $"SELECT target, target_type, action, block_reason, resolved_ip, server_node, bytes_in FROM {RequestLogTable.Name} " +
            $"WHERE connection_id = {Sql.Text(node.ConnectionId)} ORDER BY action", CancellationToken.None);
        rows.Should().HaveCount(2);
        rows[0].GetProperty("action").GetString().Should().Be("allowed");
        rows[0].GetProperty("target").GetString().Should().Be($"127.0.0.1:{node.TargetPort}");
        rows[0].GetProperty("target_type").GetString().Should().Be("ipv4");
        rows[0].GetProperty("resolved_ip").GetString().Should().Be("127.0.0.1");
        Sql.Int64(rows[0].GetProperty("bytes_in")).Should().BeGreaterThan(0);
        rows[1].GetProperty("action").GetString().Should().Be("blocked");
        rows[1].GetProperty("target").GetString().Should().Be("www.blocked.example:80");
        rows[1].GetProperty("block_reason").GetString().Should().Be("device blacklist: blocked.example");
        rows[1].GetProperty("server_node").GetString().Should().Be("test-node");
        await stop.CancelAsync();
        await running;
    }
}
