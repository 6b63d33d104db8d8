using Platform.Application.Results;
using Platform.Application.Notifications;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Application.Ids;
using Platform.Contracts.Identity;
using Platform.Contracts.Jobs;
using Platform.Testing;
using Tasks.Application.Ports;

namespace Tasks.Api.Tests;

/// <summary>
/// The Tasks service in memory, with helpers that speak its wire format. Jobs and Identity are heard through their
/// events on the test harness; proof files go to an in-memory store in place of the Storage service (the end-to-end
/// suite runs the real one).
/// </summary>
public class TasksApi : ServiceFactory<Program>
{
    public InMemoryProofFileStore ProofFiles { get; } = new();

    /// <summary>The emails Tasks queued, in order.</summary>
    public ConcurrentQueue<Notification> Mails { get; } = new();

    public static string NewId() => ObjectIds.New();

    public const double DigestSeconds = 2;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // A job's task-completed emails after its first come in one email per window: a short one here.
        builder.UseSetting("Notifications:TaskDigestSeconds", DigestSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // run_immediately's retries, short.
        builder.UseSetting("Tasks:Assignment:ImmediateRetryDelay", "00:00:00.200");
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IProofFileStore>(ProofFiles));
            services.Replace(ServiceDescriptor.Singleton<INotifier>(new CapturingNotifier(Mails)));
            services.Replace(ServiceDescriptor.Singleton<IAgentTokens>(sp => new TestAgentTokens(Tokens, sp.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>())));
            if (SharedStore is { } store) services.Replace(ServiceDescriptor.Singleton(store));
        });
    }

    /// <summary>Set before the host starts: this instance uses another's store, as a second replica of Tasks would share its database.</summary>
    public Platform.Persistence.IDocumentStore? SharedStore { get; init; }

    /// <summary>Devices announces a device (online unless said otherwise); waits until Tasks holds that revision.</summary>
    public async Task PublishDeviceAsync(string deviceId, string ownerId, long revision, bool online = true, bool onMarket = false,
        string paymentType = "action", IReadOnlyList<string>? automations = null, string? name = null, string? renterId = null)
    {
        var snapshot = new Platform.Contracts.Devices.DeviceSnapshot
        {
            RemoteDeviceId = deviceId, OwnerId = ownerId, Name = name ?? $"Device {deviceId[..8]}", Country = "US", IsOnMarket = onMarket,
            PaymentType = paymentType, Automations = automations ?? [], Online = online, RenterId = renterId, Revision = revision,
        };
        if (online) await Harness.Bus.Publish(new Platform.Contracts.Devices.DeviceOnline(snapshot));
        else await Harness.Bus.Publish(new Platform.Contracts.Devices.DeviceOffline(snapshot));
        await Eventually.HoldsAsync(async () => (await Services.GetRequiredService<IDeviceReplica>().GetAsync(deviceId, CancellationToken.None))?.Revision >= revision,
            "Tasks heard of the device");
    }

    /// <summary>Jobs posts a job (as its JobCreated says) and Tasks has heard it; returns the job id.</summary>
    public async Task<string> PostJobAsync(string ownerId, Func<JobCreated, JobCreated>? change = null)
    {
        var job = change?.Invoke(JobPosted(ownerId)) ?? JobPosted(ownerId);
        await Harness.Bus.Publish(job);
        await Eventually.HoldsAsync(async () => await Services.GetRequiredService<IJobReplica>().GetAsync(job.JobId, CancellationToken.None) is not null,
            "Tasks heard of the job");
        return job.JobId;
    }

    /// <summary>A JobCreated as Jobs publishes it for an active manual job of three positions.</summary>
    public static JobCreated JobPosted(string ownerId)
    {
        var now = DateTime.UtcNow;
        return new JobCreated
        {
            JobId = NewId(),
            OwnerId = ownerId,
            Title = "Create a Google account",
            Categories = ["Google"],
            JobType = "manual",
            PaymentType = "action",
            JobPrice = 0.25m,
            Positions = 3,
            DurationDays = 3,
            DailyLimit = 0,
            TargetWorkers = ["worldwide"],
            FewTimes = false,
            Premium = false,
            Featured = false,
            AutoRate = false,
            IsProofFile = false,
            Status = "active",
            Added = now,
            ExpiresAt = now.AddDays(3),
        };
    }

    /// <summary>Publishes a job event and waits until the job's copy in Tasks satisfies <paramref name="applied"/>.</summary>
    public async Task PublishJobEventAsync<T>(T message, string jobId, Func<Domain.Jobs.Job, bool> applied) where T : class
    {
        await Harness.Bus.Publish(message, c => c.MessageId = MassTransit.NewId.NextGuid());
        await Eventually.HoldsAsync(async () => await Services.GetRequiredService<IJobReplica>().GetAsync(jobId, CancellationToken.None) is { } job && applied(job),
            $"Tasks applied {typeof(T).Name}");
    }

    /// <summary>Identity registered the user (name and country), and Tasks has heard it.</summary>
    public async Task KnowUserAsync(string userId, string name, string country)
    {
        await Harness.Bus.Publish(new UserRegistered(userId, $"{userId}@example.com", name, country, null));
        await Eventually.HoldsAsync(async () => (await Services.GetRequiredService<IWorkerDirectory>().GetAsync(userId, CancellationToken.None)).Name == name,
            "Tasks heard of the user");
    }

    public static async Task<JsonObject> ApplyAsync(HttpClient worker, string jobId)
    {
        var response = await worker.PostAsJsonAsync("/api/v1/tasks/apply", new { job_id = jobId });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<string> SubmitAsync(HttpClient worker, string jobId, string proof = "done: account me@example.com", object? customVars = null,
        object[]? files = null)
    {
        var response = await worker.PostAsJsonAsync("/api/v1/tasks/submit", new { job_id = jobId, job_proof = proof, custom_vars = customVars, proof_files_base64 = files });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["job_task_id"]!.GetValue<string>();
    }

    public static async Task<HttpResponseMessage> ReviewAsync(HttpClient employer, string jobId, string status, params string[] ids) =>
        await employer.PostAsJsonAsync("/api/v1/jobs/tasks/status", new JsonObject
        {
            ["JobTasks_Ids"] = new JsonArray([.. ids.Select(id => JsonValue.Create(id))]),
            ["status"] = status,
            ["job_id"] = jobId,
            ["comment"] = "checked",
        });

    public static async Task<JsonObject> TaskAsync(HttpClient client, string taskId) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/v1/tasks?task_id={taskId}"))!;
}

/// <summary>Task-scoped agent tokens signed with the test's key, for the calling agent (as Identity's internal route would).</summary>
public sealed class TestAgentTokens(TestTokens tokens, Microsoft.AspNetCore.Http.IHttpContextAccessor http) : IAgentTokens
{
    public Task<TaskToken?> IssueForTaskAsync(string jobTaskId, CancellationToken cancellationToken)
    {
        var user = http.HttpContext!.User;
        return Task.FromResult<TaskToken?>(new TaskToken(tokens.ForAgent(user.FindFirst("sub")!.Value, user.FindFirst("remote_device_id")!.Value, jobTaskId), 900));
    }
}


/// <summary>Proof files in memory: what Tasks stored, read and deleted.</summary>
public sealed class InMemoryProofFileStore : IProofFileStore
{
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string Type)> _files = new();

    public IReadOnlyCollection<string> Names => _files.Keys.ToList();

    /// <summary>When set, Storage refuses files past this many in all (as its per-user quota does: 413 with its reason).</summary>
    public int? QuotaFiles { get; set; }

    public const string QuotaReached = "Storage quota reached: at most 1 kept files and 1000 bytes per user";

    /// <summary>When set, a save waits until the test completes it (a slow Storage), after saying so through <see cref="Reached"/>.</summary>
    public TaskCompletionSource? Hold { get; set; }

    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<Result<string>> SaveAsync(string ownerId, string fileName, string mediaType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (Hold is { } hold)
        {
            Reached.TrySetResult();
            await hold.Task;
        }
        if (QuotaFiles is { } most && _files.Count >= most) return Error.TooLarge(QuotaReached);
        var name = $"{Guid.NewGuid():N}-{fileName}";
        _files[name] = (content.ToArray(), mediaType);
        return name;
    }

    public Task<ProofFileContent?> OpenAsync(string storedName, CancellationToken cancellationToken) =>
        Task.FromResult(_files.TryGetValue(storedName, out var f) ? new ProofFileContent(new MemoryStream(f.Bytes), f.Type, f.Bytes.Length) : null);

    public Task DeleteAsync(string storedName, CancellationToken cancellationToken)
    {
        _files.TryRemove(storedName, out _);
        return Task.CompletedTask;
    }
}
