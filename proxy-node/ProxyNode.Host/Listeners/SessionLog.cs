using System.Diagnostics.Metrics;
using ProxyNode.Sessions;

namespace ProxyNode.Host.Listeners;

/// <summary>
/// Where each session's outcome goes: the node's metrics (sessions by protocol and action, bytes each way, on the
/// dashboard) and the debug log; the request log's writer takes them from here too.
/// </summary>
public sealed class SessionLog(ILogger<SessionLog> logger, IMeterFactory meters)
{
    public const string MeterName = "ProxyNode";

    private readonly Meter _meter = meters.Create(MeterName);
    private Counter<long>? _sessions;
    private Counter<long>? _bytes;

    private Counter<long> Sessions => _sessions ??= _meter.CreateCounter<long>("proxy_node.sessions", description: "Sessions by protocol and action");
    private Counter<long> Bytes => _bytes ??= _meter.CreateCounter<long>("proxy_node.bytes", "By", "Bytes relayed, by direction");

    /// <summary>Others that want every outcome (the request log's writer).</summary>
    public event Action<string, SessionOutcome>? Recorded;

    public void Record(string protocol, SessionOutcome outcome)
    {
        var action = outcome.Action.ToString().ToLowerInvariant();
        Sessions.Add(1, new KeyValuePair<string, object?>("protocol", protocol), new KeyValuePair<string, object?>("action", action));
        if (outcome.BytesIn > 0) Bytes.Add(outcome.BytesIn, new KeyValuePair<string, object?>("direction", "in"));
        if (outcome.BytesOut > 0) Bytes.Add(outcome.BytesOut, new KeyValuePair<string, object?>("direction", "out"));
        if (logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("{Protocol} session of {ConnectionId} to {Target} via {DeviceId}: {Action} {BlockReason} ({BytesIn} in, {BytesOut} out)",
                protocol, outcome.ConnectionId, outcome.Target, outcome.DeviceId, action, outcome.BlockReason, outcome.BytesIn, outcome.BytesOut);
        Recorded?.Invoke(protocol, outcome);
    }
}
