using Yarp.ReverseProxy.Configuration;

namespace Gateway;

/// <summary>
/// Every public path of routes.md implemented so far, and the service that owns it. A path not listed here is not
/// served (404). Routes marked public need no token; the rest are checked here and again by the service.
/// </summary>
public static class PublicRoutes
{
    /// <summary>YARP's reserved policy names: no token needed / the default policy (an authenticated caller).</summary>
    public const string AnonymousPolicy = "anonymous";
    public const string AuthenticatedPolicy = "default";

    /// <summary>The services behind the gateway (their service-discovery names).</summary>
    public static readonly IReadOnlyList<string> Services = ["identity", "jobs"];

    private static readonly (string Id, string Path, string Service, bool Public)[] Table =
    [
        ("auth", "/api/v1/auth/{**rest}", "identity", true),
        ("users-me", "/api/v1/users/me", "identity", false),
        ("jobs", "/api/v1/jobs", "jobs", false),
        ("jobs-sub", "/api/v1/jobs/{**rest}", "jobs", false),
        ("automations", "/api/v1/automations/{**rest}", "jobs", false),
        ("automations-root", "/api/v1/automations", "jobs", false),
    ];

    /// <summary>Whether a service path is served without a token (matched against the table's public routes).</summary>
    public static bool IsPublic(string path) => Table.Any(r => r.Public && Matches(r.Path, path));

    private static bool Matches(string pattern, string path)
    {
        var catchAll = pattern.IndexOf("{**", StringComparison.Ordinal);
        return catchAll < 0
            ? string.Equals(pattern, path, StringComparison.OrdinalIgnoreCase)
            : path.StartsWith(pattern[..catchAll], StringComparison.OrdinalIgnoreCase);
    }

    public static IReadOnlyList<RouteConfig> Routes() => Table.Select(r => new RouteConfig
    {
        RouteId = r.Id,
        ClusterId = r.Service,
        Match = new RouteMatch { Path = r.Path },
        AuthorizationPolicy = r.Public ? AnonymousPolicy : AuthenticatedPolicy,
    }).ToList();

    public static IReadOnlyList<ClusterConfig> Clusters() => Services.Select(s => new ClusterConfig
    {
        ClusterId = s,
        Destinations = new Dictionary<string, DestinationConfig> { [s] = new() { Address = $"http://{s}" } },
        HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(100) },
    }).ToList();
}
