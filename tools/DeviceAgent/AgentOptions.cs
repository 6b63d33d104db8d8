using System.Globalization;

namespace DeviceAgent;

/// <summary>The simulator's command line.</summary>
public sealed record AgentOptions(string ClientId, string ClientSecret, int Devices, double FailRate, string Country, TimeSpan TaskTime, Uri Gateway,
    string StateFile, Uri? ProxyNode, bool Market = true, global::ProxyNode.Tunnel.ExitTargetPolicy? ExitPolicy = null)
{
    public const string Usage =
        "usage: ./platform agents --client-id ID --client-secret SECRET --devices N [--fail-rate F (0-1, default 0)] [--country CC (default US)]\n" +
        "                         [--task-seconds S (default 1)] [--gateway URL (default http://127.0.0.1:$PLATFORM_GATEWAY_PORT)] [--state FILE]\n" +
        "                         [--proxy-node URL (the proxy node's tunnel, default ws://127.0.0.1:$PLATFORM_TUNNEL_PORT/tunnel; none: no proxy exit)]\n" +
        "                         [--market true|false (list the phones on the market for action payment; default true)]\n" +
        "                         [--allow-targets CIDRs (proxy sessions may also reach these networks, e.g. 127.0.0.0/8,::1/128 for a local demo;\n" +
        "                          default $PLATFORM_AGENT_ALLOW_TARGETS; without: public addresses only)]";

    public static AgentOptions? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) return null;
            values[args[i][2..]] = args[i + 1];
        }
        if (args.Length % 2 != 0 || !values.TryGetValue("client-id", out var clientId) || !values.TryGetValue("client-secret", out var secret)) return null;
        if (!int.TryParse(values.GetValueOrDefault("devices", "1"), CultureInfo.InvariantCulture, out var devices) || devices is < 1 or > 1000) return null;
        if (!double.TryParse(values.GetValueOrDefault("fail-rate", "0"), CultureInfo.InvariantCulture, out var failRate) || failRate is < 0 or > 1) return null;
        if (!double.TryParse(values.GetValueOrDefault("task-seconds", "1"), CultureInfo.InvariantCulture, out var seconds) || seconds is < 0 or > 3600) return null;
        var country = values.GetValueOrDefault("country", "US").ToUpperInvariant();
        if (country.Length != 2) return null;
        var port = Environment.GetEnvironmentVariable("PLATFORM_GATEWAY_PORT") is { Length: > 0 } p ? p : "8080";
        if (!Uri.TryCreate(values.GetValueOrDefault("gateway", $"http://127.0.0.1:{port}"), UriKind.Absolute, out var gateway)) return null;
        var dataDir = Environment.GetEnvironmentVariable("PLATFORM_DATA_DIR") is { Length: > 0 } d ? d : ".data";
        var state = values.GetValueOrDefault("state", Path.Combine(dataDir, "agents", $"{clientId}.json"));
        var tunnelPort = Environment.GetEnvironmentVariable("PLATFORM_TUNNEL_PORT") is { Length: > 0 } t ? t : "8081";
        var proxyNode = values.GetValueOrDefault("proxy-node", $"ws://127.0.0.1:{tunnelPort}/tunnel");
        Uri? node = null;
        if (proxyNode != "none" && (!Uri.TryCreate(proxyNode, UriKind.Absolute, out node) || node.Scheme is not ("ws" or "wss"))) return null;
        if (!bool.TryParse(values.GetValueOrDefault("market", "true"), out var market)) return null;
        global::ProxyNode.Tunnel.ExitTargetPolicy exitPolicy;
        try
        {
            var allowed = values.TryGetValue("allow-targets", out var given) ? given : Environment.GetEnvironmentVariable(global::ProxyNode.Tunnel.ExitTargetPolicy.AllowListVariable);
            exitPolicy = global::ProxyNode.Tunnel.ExitTargetPolicy.Parse(allowed);
        }
        catch (FormatException)
        {
            return null;
        }
        return new AgentOptions(clientId, secret, devices, failRate, country, TimeSpan.FromSeconds(seconds), gateway, state, node, market, exitPolicy);
    }
}
