using System.Diagnostics.Metrics;
using Platform.ClickHouse;
using ProxyNode.RequestLog;
using ProxyNode.Sessions;

namespace ProxyNode.Host.Listeners;

/// <summary>
/// Where each session's outcome goes: the node's metrics (sessions by protocol and action, bytes each way, the request
/// log's rows written, queued and dropped: all on the dashboard), the debug log, and the request log in ClickHouse
/// (when one is configured), written in batches by <see cref="RequestLogService"/>.
/// </summary>
public sealed class SessionLog
{
    public const string MeterName = "ProxyNode";

    private readonly ILogger<SessionLog> _logger;
    private readonly NodeOptions _options;
    private readonly RequestLogWriter? _requestLog;
    private readonly Counter<long> _sessions;
    private readonly Counter<long> _bytes;

    public SessionLog(ILogger<SessionLog> logger, IMeterFactory meters, NodeOptions options, ClickHouseStore clickHouse, ILogger<RequestLogWriter> writerLogger)
    {
        _logger = logger;
        _options = options;
        if (clickHouse.IsConfigured) _requestLog = new RequestLogWriter(new ClickHouseRequestLog(clickHouse), new RequestLogOptions(), writerLogger);
        var meter = meters.Create(MeterName);
        _sessions = meter.CreateCounter<long>("proxy_node.sessions", description: "Sessions by protocol and action");
        _bytes = meter.CreateCounter<long>("proxy_node.bytes", "By", "Bytes relayed, by direction");
        if (_requestLog is { } log)
        {
            meter.CreateObservableCounter("proxy_node.request_log.written", () => log.Written, description: "Request log rows written to ClickHouse");
            meter.CreateObservableCounter("proxy_node.request_log.dropped", () => log.Dropped, description: "Request log rows dropped (queue full while ClickHouse was down)");
            meter.CreateObservableGauge("proxy_node.request_log.queued", () => log.Queued, description: "Request log rows waiting to be written");
        }
    }

    /// <summary>The request log's writer; null when no ClickHouse is configured.</summary>
    public RequestLogWriter? RequestLog => _requestLog;

    public void Record(string protocol, SessionOutcome outcome)
    {
        var action = outcome.Action.ToString().ToLowerInvariant();
        _sessions.Add(1, new KeyValuePair<string, object?>("protocol", protocol), new KeyValuePair<string, object?>("action", action));
        if (outcome.BytesIn > 0) _bytes.Add(outcome.BytesIn, new KeyValuePair<string, object?>("direction", "in"));
        if (outcome.BytesOut > 0) _bytes.Add(outcome.BytesOut, new KeyValuePair<string, object?>("direction", "out"));
        if (_logger.IsEnabled(LogLevel.Debug))
            _logger.LogDebug("{Protocol} session of {ConnectionId} to {Target} via {DeviceId}: {Action} {BlockReason} ({BytesIn} in, {BytesOut} out)",
                protocol, outcome.ConnectionId, outcome.Target, outcome.DeviceId, action, outcome.BlockReason, outcome.BytesIn, outcome.BytesOut);
        if (_requestLog is not null && RequestLogEntry.From(outcome, _options.Name) is { } row) _requestLog.Record(row);
    }
}

/// <summary>Runs the request log's writer for as long as the node runs (its last rows are written at shutdown).</summary>
public sealed class RequestLogService(SessionLog sessions) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => sessions.RequestLog?.RunAsync(stoppingToken) ?? Task.CompletedTask;
}
