namespace Platform.Topology;

/// <summary>
/// A public path the gateway forwards to a service (YARP pattern). A public route needs no token. With
/// <paramref name="KeepHost"/> the service sees the caller's Host header (documents that print their own URLs, such
/// as OAuth discovery, then name the gateway's origin).
/// </summary>
public sealed record GatewayRoute(string Id, string Path, bool Public = false, bool KeepHost = false);

/// <summary>
/// One service of the platform. <see cref="Name"/> is its service-discovery name, its store's name (one database or
/// LiteDB file per service) and its resource name in the app host and in Kubernetes; <see cref="Folder"/> is its
/// folder under <c>services/</c> and the prefix of its four projects (Domain, Application, Infrastructure, Api).
/// </summary>
/// <see cref="DataVolumeSize"/> gives the service a persistent volume for its data folder in Kubernetes (files it keeps
/// on disk, beside its database). <see cref="Calls"/> names the services it calls over HTTP (service discovery gives
/// it their addresses: the app host passes them, Kubernetes' platform-services config map holds every one).
public sealed record PlatformService(string Name, string Folder, IReadOnlyList<GatewayRoute> Routes,
    long MaxRequestBodyBytes = PlatformService.DefaultMaxRequestBodyBytes, string? DataVolumeSize = null, IReadOnlyList<string>? Calls = null)
{
    /// <summary>A service's request body limit unless it declares another; the gateway refuses more with a 413 itself.</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>The store (database) the service owns.</summary>
    public string StoreName => Name;

    /// <summary>The Api project, relative to the repository root.</summary>
    public string ApiProjectPath => $"services/{Folder}/{Folder}.Api/{Folder}.Api.csproj";

    /// <summary>Where another service reaches it: its service-discovery name (the app host, Kubernetes' config map resolve it).</summary>
    public Uri BaseAddress => new($"http://{Name}");

    /// <summary>What the names of the HTTP clients that call a platform service start with (see <see cref="HttpClientName"/>).</summary>
    public const string HttpClientPrefix = "platform-service:";

    /// <summary>
    /// The name of an HTTP client that calls this service for <paramref name="purpose"/>. Only clients named so carry the
    /// caller's token along (Platform.Api): a client of anything outside the platform (a payment provider, a webhook's
    /// receiver) never does.
    /// </summary>
    public string HttpClientName(string purpose) => $"{HttpClientPrefix}{Name}:{purpose}";

    /// <summary>The names of the service's four projects, inner layer first.</summary>
    public IReadOnlyList<string> Layers => [$"{Folder}.Domain", $"{Folder}.Application", $"{Folder}.Infrastructure", $"{Folder}.Api"];
}

/// <summary>
/// Every service behind the gateway, declared once. Adding a service is a line here (see docs/adding-a-service.md):
/// the app host starts it, the gateway routes its paths and merges its OpenAPI document, the architecture tests check
/// its layers and the Kubernetes manifests deploy it.
/// </summary>
public static class PlatformServices
{
    public static readonly PlatformService Identity = new("identity", "Identity",
    [
        new("auth", "/api/v1/auth/{**rest}", Public: true),
        new("users-me", "/api/v1/users/me"),
        new("oauth-discovery", "/.well-known/openid-configuration", Public: true, KeepHost: true),
        new("jwks", "/.well-known/jwks.json", Public: true),
        // Route 68: a phone's secret is Identity's (it signs the phone in); more specific than Devices' catch-all.
        new("device-secret", "/api/v1/devices/{remote_device_id}/secret"),
    ]);

    /// <summary>A job is funded by Payments before it is posted.</summary>
    public static readonly PlatformService Jobs = new("jobs", "Jobs",
    [
        new("jobs", "/api/v1/jobs"),
        new("jobs-sub", "/api/v1/jobs/{**rest}"),
        new("automations-root", "/api/v1/automations"),
        new("automations", "/api/v1/automations/{**rest}"),
    ], Calls: ["payments"]);

    /// <summary>Files: uploads of up to 50 MiB (plus the multipart framing), so its routes take larger bodies.</summary>
    public static readonly PlatformService Storage = new("storage", "Storage",
    [
        // The upload's answer names the file's URL: the service sees the gateway's Host to write it.
        new("storage-temp", "/api/v1/storage/temp", KeepHost: true),
        new("storage-temp-file", "/api/v1/storage/temp/{**rest}", KeepHost: true),
    ], MaxRequestBodyBytes: 50L * 1024 * 1024 + 256 * 1024, DataVolumeSize: "20Gi");

    /// <summary>
    /// Job tasks and planned tasks. Its paths under /api/v1/jobs are more specific than Jobs' catch-all, so the gateway
    /// sends them here. A submission carries up to ten proof files of 5 MB each in base64, so its body limit is 71 MiB.
    /// Proof files are kept by Storage. The agents' assignment routes are Tasks' (the assignment engine lives here); the
    /// task-scoped tokens they hand out come from Identity.
    /// </summary>
    public static readonly PlatformService Tasks = new("tasks", "Tasks",
    [
        new("tasks-root", "/api/v1/tasks"),
        new("tasks", "/api/v1/tasks/{**rest}"),
        new("job-applicants", "/api/v1/jobs/{job_id}/applicants"),
        new("job-task-status", "/api/v1/jobs/tasks/status"),
        new("proof-unique", "/api/v1/jobs/proof-unique"),
        new("job-planned-tasks", "/api/v1/jobs/{job_id}/planned-tasks"),
        new("planned-tasks-delete", "/api/v1/planned-tasks/delete"),
        new("agent-assignment", "/api/v1/agent/assignment"),
        new("agent-assignment-sub", "/api/v1/agent/assignment/{**rest}"),
    ], MaxRequestBodyBytes: 71L * 1024 * 1024, Calls: ["storage", "identity"]);

    /// <summary>
    /// Money: the double-entry ledger, deposits, withdrawals and balances. Its balance route is more specific than
    /// Identity's users/me. The payout provider's webhooks come without a token (their signature is checked).
    /// </summary>
    public static readonly PlatformService Payments = new("payments", "Payments",
    [
        new("payments", "/api/v1/payments/{**rest}"),
        new("payments-webhooks", "/api/v1/payments/webhooks/{**rest}", Public: true),
        new("users-me-balance", "/api/v1/users/me/balance"),
    ]);

    /// <summary>
    /// Phones: the registry, the market, agents' heartbeats and phone numbers, job and device buckets. Its agent routes
    /// are the ones under /api/v1/agent that Tasks doesn't own (the assignment routes are more specific); its job bucket
    /// routes are more specific than Jobs' catch-all. A bucket holds up to 1 MiB of data, so its body limit is 2 MiB
    /// (the use case answers the 413 for the data itself). Renting a device opens its billing in Payments.
    /// </summary>
    public static readonly PlatformService Devices = new("devices", "Devices",
    [
        new("devices-root", "/api/v1/devices"),
        new("devices", "/api/v1/devices/{**rest}"),
        new("agent", "/api/v1/agent/{**rest}"),
        new("job-buckets", "/api/v1/jobs/{job_id}/buckets"),
        new("job-bucket", "/api/v1/jobs/{job_id}/buckets/{device_id}"),
        new("device-bucket", "/api/v1/device-bucket/{**rest}"),
    ], MaxRequestBodyBytes: 2L * 1024 * 1024, Calls: ["payments"]);

    /// <summary>
    /// Proxy connections and blacklists (the control plane the proxy nodes follow). Its device blacklist route is more
    /// specific than Devices' catch-all; the global blacklist and the list of every connection take the admin token, not a
    /// bearer token (the service checks it). Its data folder keeps the key ring that encrypts connection passwords. The
    /// request log it reads is in ClickHouse (the proxy nodes write it).
    /// </summary>
    public static readonly PlatformService Proxy = new("proxy", "Proxy",
    [
        new("proxy", "/api/v1/proxy/{**rest}"),
        new("admin-proxy-blacklist", "/api/v1/admin/proxy/blacklist", Public: true),
        new("admin-proxies", "/api/v1/admin/proxies", Public: true),
        new("device-proxy-blacklist", "/api/v1/devices/{remote_device_id}/proxy-blacklist"),
    ], DataVolumeSize: "1Gi");

    public static readonly IReadOnlyList<PlatformService> All = [Identity, Jobs, Storage, Tasks, Payments, Devices, Proxy];

    public static PlatformService? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
