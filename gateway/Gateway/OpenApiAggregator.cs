using System.Text.Json.Nodes;

namespace Gateway;

/// <summary>
/// One OpenAPI 3.1 document for the whole public API: each service's own document (paths and component schemas)
/// merged, with the bearer scheme required everywhere except the routes that are public. Cached briefly when complete;
/// a service whose document could not be had is left out and named (<see cref="MissingHeader"/>), so that a client
/// (or `./platform openapi`) can tell a partial document from the whole.
/// </summary>
public sealed class OpenApiAggregator(IHttpClientFactory clients, ILogger<OpenApiAggregator> logger, TimeProvider clock) : IDisposable
{
    public const string ClientName = "openapi";
    /// <summary>The response header that names the services left out of the document, when any were.</summary>
    public const string MissingHeader = "OpenApi-Missing-Services";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(3);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (string Json, DateTimeOffset At)? _cached;

    /// <summary>The merged document, and the services whose documents it lacks (none when complete).</summary>
    public async Task<(string Json, IReadOnlyList<string> Missing)> GetAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } hit && clock.GetUtcNow() - hit.At < CacheFor) return (hit.Json, []);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && clock.GetUtcNow() - again.At < CacheFor) return (again.Json, []);
            var (json, missing) = await BuildAsync(cancellationToken);
            if (missing.Count == 0) _cached = (json, clock.GetUtcNow());
            return (json, missing);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    private async Task<(string Json, IReadOnlyList<string> Missing)> BuildAsync(CancellationToken cancellationToken)
    {
        // A service that is down must not hold the document up: each gets a few seconds, all at once, then is left out.
        var client = clients.CreateClient(ClientName);
        var documents = await Task.WhenAll(PublicRoutes.Services.Select(service => FetchAsync(client, service, cancellationToken)));
        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var document in documents.OfType<JsonObject>())
        {
            foreach (var (path, item) in document["paths"]?.AsObject() ?? [])
                paths[path] = item?.DeepClone();
            foreach (var (name, schema) in document["components"]?["schemas"]?.AsObject() ?? [])
                schemas[name] = schema?.DeepClone();
        }

        foreach (var (path, item) in paths)
        {
            if (!PublicRoutes.IsPublic(path) || item is not JsonObject operations) continue;
            foreach (var (_, operation) in operations)
                if (operation is JsonObject op) op["security"] = new JsonArray();
        }

        var merged = new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject
            {
                ["title"] = "Microtask platform API",
                ["version"] = "v1",
                ["description"] = "Jobs, tasks, payments, devices and proxies. Get a token at /api/v1/auth/token (client_credentials).",
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/" }),
            ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["bearerFormat"] = "JWT",
                        ["description"] = "An access token from POST /api/v1/auth/token.",
                    },
                },
            },
        };
        return (merged.ToJsonString(), PublicRoutes.Services.Where((_, i) => documents[i] is null).ToList());
    }

    private async Task<JsonObject?> FetchAsync(HttpClient client, string service, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(FetchTimeout);
            return JsonNode.Parse(await client.GetStringAsync($"http://{service}/openapi/v1.json", timeout.Token))!.AsObject();
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "OpenAPI document of {Service} is unavailable; it is left out for now", service);
            return null;
        }
    }
}
