using Platform.Topology;
using Yarp.ReverseProxy.Configuration;

namespace Gateway;

/// <summary>
/// The gateway's route table, built from the one list of services (<see cref="PlatformServices"/>). A path not listed
/// there is not served (404). Routes marked public need no token; the rest are checked here and again by the service.
/// Each route carries its service's body limit, which <see cref="BodyLimits"/> enforces before anything is forwarded.
/// </summary>
public static class PublicRoutes
{
    /// <summary>YARP's reserved policy names: no token needed / the default policy (an authenticated caller).</summary>
    public const string AnonymousPolicy = "anonymous";
    public const string AuthenticatedPolicy = "default";

    /// <summary>Route metadata key: the largest request body the route's service accepts, in bytes.</summary>
    public const string MaxRequestBodyBytesKey = "MaxRequestBodyBytes";

    /// <summary>The services behind the gateway (their service-discovery names).</summary>
    public static IReadOnlyList<string> Services => PlatformServices.All.Select(s => s.Name).ToList();

    /// <summary>Whether a service path is served without a token (matched against the table's public routes).</summary>
    public static bool IsPublic(string path) =>
        PlatformServices.All.SelectMany(s => s.Routes).Any(r => r.Public && Matches(r.Path, path));

    private static bool Matches(string pattern, string path)
    {
        var catchAll = pattern.IndexOf("{**", StringComparison.Ordinal);
        return catchAll < 0
            ? string.Equals(pattern, path, StringComparison.OrdinalIgnoreCase)
            : path.StartsWith(pattern[..catchAll], StringComparison.OrdinalIgnoreCase);
    }

    public static IReadOnlyList<RouteConfig> Routes() => PlatformServices.All.SelectMany(service => service.Routes.Select(r => new RouteConfig
    {
        RouteId = r.Id,
        ClusterId = service.Name,
        Match = new RouteMatch { Path = r.Path },
        AuthorizationPolicy = r.Public ? AnonymousPolicy : AuthenticatedPolicy,
        Metadata = new Dictionary<string, string> { [MaxRequestBodyBytesKey] = service.MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        Transforms = r.KeepHost ? [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }] : null,
    })).ToList();

    public static IReadOnlyList<ClusterConfig> Clusters() => PlatformServices.All.Select(s => new ClusterConfig
    {
        ClusterId = s.Name,
        Destinations = new Dictionary<string, DestinationConfig> { [s.Name] = new() { Address = $"http://{s.Name}" } },
        HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(100) },
    }).ToList();
}
