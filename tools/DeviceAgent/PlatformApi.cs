using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DeviceAgent;

/// <summary>A signed-in client (the owner, or a device's agent): it signs in again before its token runs out.</summary>
public sealed class Session(PlatformApi api, string clientId, string clientSecret, string accessToken, DateTime expiresAt)
{
    private string _token = accessToken;
    private DateTime _expiresAt = expiresAt;

    public async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (DateTime.UtcNow > _expiresAt - TimeSpan.FromMinutes(1))
        {
            var fresh = await api.SignInAsync(clientId, clientSecret, cancellationToken);
            (_token, _expiresAt) = (fresh._token, fresh._expiresAt);
        }
        return _token;
    }
}

/// <summary>A device's work as route 51 gives it.</summary>
public sealed record Assignment(string TaskId, string JobId, string Input, string TaskToken, JsonObject? AutomationParameters = null);

/// <summary>The platform's routes the simulator calls, through the gateway, and nothing else: the reference client for device authors.</summary>
public sealed class PlatformApi(HttpClient http)
{
    /// <summary>Route 45, client credentials. A device just registered may not be known to Identity for a moment: retried for up to 30 s.</summary>
    public async Task<Session> SignInAsync(string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await http.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientSecret,
            }), cancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            if (response.IsSuccessStatusCode)
                return new Session(this, clientId, clientSecret, body!["access_token"]!.GetValue<string>(),
                    DateTime.UtcNow.AddSeconds(body["expires_in"]!.GetValue<int>()));
            if (attempt >= 30) throw new AgentException($"sign-in as {clientId} refused: {body?["error"]} {body?["error_description"]}");
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>Route 20: the ids of the owner's devices.</summary>
    public async Task<IReadOnlySet<string>> DeviceIdsAsync(Session owner, CancellationToken cancellationToken)
    {
        var list = await SendAsync<JsonArray>(owner, HttpMethod.Get, "/api/v1/devices", null, cancellationToken);
        return list!.Select(d => d!["remote_device_id"]!.GetValue<string>()).ToHashSet();
    }

    /// <summary>Route 48: a new phone; its id, name and secret.</summary>
    public async Task<SavedDevice> RegisterAsync(Session owner, string country, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["brand"] = "Simulated", ["model"] = "Agent Phone", ["country"] = country, ["isEmulator"] = true, ["networkType"] = "wifi",
            ["numberOfCores"] = 8, ["ramMb"] = 4096, ["processor"] = "simulator", ["sdkVersion"] = "34", ["version"] = "14",
        };
        var device = await SendAsync<JsonObject>(owner, HttpMethod.Post, "/api/v1/devices/register", body, cancellationToken);
        return new SavedDevice(device!["remote_device_id"]!.GetValue<string>(), device["name"]!.GetValue<string>(), device["device_secret"]!.GetValue<string>());
    }

    /// <summary>Route 49: on the market, paid per task.</summary>
    public Task ListOnMarketAsync(Session owner, string deviceId, CancellationToken cancellationToken) =>
        SendAsync<JsonObject>(owner, HttpMethod.Patch, $"/api/v1/devices/{deviceId}", new JsonObject { ["is_onMarket"] = true, ["payment_type"] = "action" },
            cancellationToken);

    /// <summary>Route 50: the device is online; how long it stays so without another heartbeat.</summary>
    public async Task<TimeSpan> HeartbeatAsync(Session agent, CancellationToken cancellationToken)
    {
        var answer = await SendAsync<JsonObject>(agent, HttpMethod.Post, "/api/v1/agent/heartbeat", null, cancellationToken);
        return TimeSpan.FromSeconds(answer!["offline_after_seconds"]!.GetValue<int>());
    }

    /// <summary>Route 51: the device's work, or null (204).</summary>
    public async Task<Assignment?> PollAsync(Session agent, CancellationToken cancellationToken)
    {
        var work = await SendAsync<JsonObject>(agent, HttpMethod.Get, "/api/v1/agent/assignment", null, cancellationToken);
        return work is null
            ? null
            : new Assignment(work["job_task_id"]!.GetValue<string>(), work["job_id"]!.GetValue<string>(), work["input"]!.GetValue<string>(),
                work["task_token"]!["access_token"]!.GetValue<string>(), work["automationParameters"] as JsonObject);
    }

    /// <summary>Route 52, with the task-scoped token: pending with the proof, or failed with the reason.</summary>
    public async Task CompleteAsync(Assignment assignment, bool failed, string proof, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agent/assignment/complete")
        {
            Content = JsonContent.Create(failed
                ? new JsonObject { ["status"] = "failed", ["failureReason"] = "simulated failure" }
                : new JsonObject { ["status"] = "pending", ["job_proof"] = proof }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", assignment.TaskToken);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, cancellationToken);
    }

    /// <summary>
    /// Route 11's data-dump mode, with the task-scoped token while the task runs: a JSON record, and a text file whose
    /// URL the platform puts into the record under the file's name, into a sink job of the same automation.
    /// </summary>
    public async Task DumpAsync(Assignment assignment, string sinkJobId, JsonObject record, string fileName, string fileText, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tasks/submit")
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["job_id"] = sinkJobId,
                ["job_proof"] = record.ToJsonString(),
                ["files"] = new JsonArray(new JsonObject
                {
                    ["name"] = fileName, ["extension"] = ".txt", ["base64Data"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(fileText)),
                }),
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", assignment.TaskToken);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, cancellationToken);
    }

    /// <summary>Route 38 with the task-scoped token: replaces this device's bucket of the running task's job.</summary>
    public async Task WriteJobBucketAsync(Assignment assignment, string deviceId, JsonObject data, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/jobs/{assignment.JobId}/buckets/{deviceId}")
        {
            Content = JsonContent.Create(new JsonObject { ["data"] = data.DeepClone() }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", assignment.TaskToken);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, cancellationToken);
    }

    /// <summary>Route 41: merges <paramref name="data"/>'s keys into the device's bucket; the merged bucket.</summary>
    public async Task<JsonObject> MergeDeviceBucketAsync(Session agent, JsonObject data, CancellationToken cancellationToken)
    {
        var answer = await SendAsync<JsonObject>(agent, HttpMethod.Post, "/api/v1/device-bucket/merge", new JsonObject { ["data"] = data.DeepClone() }, cancellationToken);
        return answer!["deviceBucket"]!.AsObject();
    }

    /// <summary>Route 40: the device's bucket ({} at first).</summary>
    public async Task<JsonObject> ReadDeviceBucketAsync(Session agent, CancellationToken cancellationToken)
    {
        var answer = await SendAsync<JsonObject>(agent, HttpMethod.Post, "/api/v1/device-bucket/read", new JsonObject(), cancellationToken);
        return answer!["deviceBucket"]!.AsObject();
    }

    private async Task<T?> SendAsync<T>(Session session, HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken) where T : JsonNode
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await session.TokenAsync(cancellationToken));
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, cancellationToken);
        return response.StatusCode == HttpStatusCode.NoContent ? null : await response.Content.ReadFromJsonAsync<T>(cancellationToken);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {(int)response.StatusCode} {text}",
            null, response.StatusCode);
    }
}
