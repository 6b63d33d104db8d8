using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Aspire.Hosting.Testing;
using Duende.IdentityModel.Client;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The whole platform as ./platform up runs it (the Aspire app host, without containers: the private RabbitMQ node and
/// the embedded stores), on ports and a data folder of its own, reached only through the gateway.
/// </summary>
public sealed class PlatformInstance : IAsyncDisposable
{
    private DistributedApplication? _app;

    private PlatformInstance(string dataDirectory, int gatewayPort, int rabbitPort)
    {
        DataDirectory = dataDirectory;
        GatewayPort = gatewayPort;
        RabbitPort = rabbitPort;
        Gateway = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gatewayPort}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public string DataDirectory { get; }
    public int GatewayPort { get; }
    public int RabbitPort { get; }
    public HttpClient Gateway { get; }
    /// <summary>The admin routes' token this platform runs with (X-Admin-Token).</summary>
    public string AdminToken { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
    public string RabbitUrl => $"amqp://guest:guest@127.0.0.1:{RabbitPort}/";
    /// <summary>The proxy node's ports: SOCKS5, HTTP CONNECT, and its HTTP port (the devices' tunnels at /tunnel).</summary>
    public int SocksPort { get; } = FreePorts.Any();
    public int ConnectPort { get; } = FreePorts.Any();
    public int TunnelPort { get; } = FreePorts.Any();
    public int StreamsPort { get; } = FreePorts.Any();
    /// <summary>The private ClickHouse server's HTTP port (the proxy request log).</summary>
    public int ClickHousePort { get; } = FreePorts.Any();
    public Uri TunnelUrl => new($"ws://127.0.0.1:{TunnelPort}/tunnel");

    public static PlatformInstance Create(string? dataDirectory = null, int? gatewayPort = null, int? rabbitPort = null) =>
        new(dataDirectory ?? Directory.CreateTempSubdirectory("platform-e2e-").FullName, gatewayPort ?? FreePorts.Any(), rabbitPort ?? FreePorts.ForRabbitMq());

    public async Task StartAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            $"PLATFORM_DATA_DIR={DataDirectory}",
            $"PLATFORM_GATEWAY_PORT={GatewayPort}",
            $"PLATFORM_RABBITMQ_PORT={RabbitPort}",
            "PLATFORM_CONTAINERS=false",
            // A job's task-completed emails after its first are held for a window: a short one, so the loop sees them.
            "PLATFORM_TASK_DIGEST_SECONDS=2",
            $"PLATFORM_ADMIN_TOKEN={AdminToken}",
            $"PLATFORM_SOCKS_PORT={SocksPort}",
            $"PLATFORM_CONNECT_PORT={ConnectPort}",
            $"PLATFORM_TUNNEL_PORT={TunnelPort}",
            $"PLATFORM_TUNNEL_STREAMS_PORT={StreamsPort}",
            $"PLATFORM_CLICKHOUSE_PORT={ClickHousePort}",
            // Every test's accounts come from this machine's one address: Identity's per-address budget is raised out of the way.
            "PLATFORM_SIGNUPS_PER_MINUTE=100000",
        ]);
        _app = await builder.BuildAsync();
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await _app.StartAsync(startup.Token);
        await WaitUntilReadyAsync(startup.Token);
    }

    /// <summary>Stops the private RabbitMQ node as the dashboard's stop button does (its data stays), and waits until it has exited.</summary>
    public async Task StopBrokerAsync()
    {
        var result = await _app!.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync("rabbitmq", KnownResourceCommands.StopCommand);
        result.Success.Should().BeTrue(result.Message);
        await _app.Services.GetRequiredService<ResourceNotificationService>()
            .WaitForResourceAsync("rabbitmq", e => e.Snapshot.State?.Text is "Exited" or "Finished" or "Stopped", new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
    }

    /// <summary>Starts the private RabbitMQ node again, on the same data, and waits until it answers.</summary>
    public async Task StartBrokerAsync()
    {
        var result = await _app!.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync("rabbitmq", KnownResourceCommands.StartCommand);
        result.Success.Should().BeTrue(result.Message);
        await _app.Services.GetRequiredService<ResourceNotificationService>()
            .WaitForResourceHealthyAsync("rabbitmq", new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
    }

    /// <summary>Kills a service's process at once (SIGKILL: no shutdown, no acknowledgements, whatever it was doing) and waits until the orchestrator sees it gone.</summary>
    public async Task KillAsync(string resource)
    {
        var notifications = _app!.Services.GetRequiredService<ResourceNotificationService>();
        notifications.TryGetCurrentState(resource, out var state).Should().BeTrue($"{resource} is a resource");
        var pid = state!.Snapshot.Properties.Single(p => p.Name == "executable.pid").Value;
        using (var process = System.Diagnostics.Process.GetProcessById(Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture)))
            process.Kill();
        await notifications.WaitForResourceAsync(resource, e => e.Snapshot.State?.Text is "Exited" or "Finished" or "FailedToStart",
            new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
    }

    /// <summary>Starts a stopped or killed service again, as the dashboard's start button does, and waits until it answers its readiness check.</summary>
    public async Task StartServiceAsync(string resource)
    {
        var result = await _app!.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand);
        result.Success.Should().BeTrue(result.Message);
        var notifications = _app.Services.GetRequiredService<ResourceNotificationService>();
        await notifications.WaitForResourceAsync(resource, KnownResourceStates.Running, new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
        using var http = new HttpClient { BaseAddress = _app.GetEndpoint(resource, "http"), Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.HoldsAsync(async () =>
        {
            try { return (await http.GetAsync("/health")).IsSuccessStatusCode; }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return false; }
        }, $"{resource} is ready again", TimeSpan.FromMinutes(1));
    }

    /// <summary>Ready when the gateway answers and a request reaches each service through it.</summary>
    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var token = await Gateway.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }), cancellationToken);
                var jobs = await Gateway.GetAsync("/api/v1/jobs", cancellationToken);
                if (token.StatusCode == HttpStatusCode.BadRequest && jobs.StatusCode == HttpStatusCode.Unauthorized) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>Signs a new user up (through <paramref name="referrer"/>'s referral, when given) and signs them in.</summary>
    public async Task<User> RegisterAsync(string name, string country = "US", User? referrer = null)
    {
        var email = $"{name.ToLowerInvariant().Replace(' ', '.')}-{Guid.NewGuid():N}@example.com";
        var response = await Gateway.PostAsJsonAsync("/api/v1/auth/register", new { email, password = "correct horse battery", name, country, referrer_id = referrer?.UserId });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var user = new User(body["user_id"]!.GetValue<string>(), email, body["client_id"]!.GetValue<string>(), body["client_secret"]!.GetValue<string>());
        await user.SignInAsync(this);
        return user;
    }

    /// <summary>The subjects of the emails the development mail server received for <paramref name="email"/>.</summary>
    public async Task<IReadOnlyList<string>> MailSubjectsAsync(string email)
    {
        using var client = MailServerClient();
        return (await MessagesToAsync(client, email)).Select(m => m["subject"]!.GetValue<string>()).ToList();
    }

    /// <summary>The plain-text bodies of the emails the development mail server received for <paramref name="address"/>, oldest first.</summary>
    public async Task<IReadOnlyList<string>> MailTextsAsync(string address)
    {
        using var client = MailServerClient();
        var texts = new List<string>();
        foreach (var message in (await MessagesToAsync(client, address)).Reverse())
            texts.Add(await client.GetStringAsync($"/api/messages/{message["id"]!.GetValue<string>()}/plaintext"));
        return texts;
    }

    private HttpClient MailServerClient() => new() { BaseAddress = _app!.GetEndpoint("mail", "http") };

    /// <summary>The development mail server's messages to <paramref name="address"/>, newest first (its API's order).</summary>
    private static async Task<IReadOnlyList<JsonObject>> MessagesToAsync(HttpClient client, string address) =>
        (await client.GetFromJsonAsync<JsonObject>("/api/messages?pageSize=500"))!["results"]!.AsArray()
        .Where(m => m!["to"]!.AsArray().Any(t => string.Equals(t!.GetValue<string>(), address, StringComparison.OrdinalIgnoreCase)))
        .Select(m => m!.AsObject())
        .ToList();

    /// <summary>The last <paramref name="count"/> lines a resource wrote (its console log, as the dashboard shows it), for a failure's message.</summary>
    public async Task<string> LogTailAsync(string resource, int count = 40)
    {
        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await foreach (var batch in _app!.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(resource).WithCancellation(timeout.Token))
                lines.AddRange(batch.Select(l => l.Content));
        }
        catch (OperationCanceledException)
        {
        }
        return string.Join('\n', lines.TakeLast(count));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public void DeleteData()
    {
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A registered user with an HTTP client that carries their access token.</summary>
public sealed record User(string UserId, string Email, string ClientId, string ClientSecret)
{
    public HttpClient Client { get; private set; } = null!;

    public async Task SignInAsync(PlatformInstance platform)
    {
        var token = await platform.Gateway.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/api/v1/auth/token",
            ClientId = ClientId,
            ClientSecret = ClientSecret,
        });
        token.IsError.Should().BeFalse(token.Error);
        Client = new HttpClient { BaseAddress = platform.Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Client.SetBearerToken(token.AccessToken!);
    }

    /// <summary>Adds <paramref name="amount"/> to the user's balance (route 47; the sandbox provider completes it at once): jobs are paid for when posted.</summary>
    public async Task DepositAsync(decimal amount)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/payments/deposit", new { amount });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts a manual job (route 7), paid for from the balance; its id.</summary>
    public async Task<string> PostJobAsync(string title, int positions, decimal jobPrice, int durationDays = 7)
    {
        var created = await Client.PostAsJsonAsync("/api/v1/jobs", new
        {
            title, category = "Other", description = "d", proof = "p", duration = durationDays, positions, job_price = jobPrice,
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!["job_id"]!.GetValue<string>();
    }

    /// <summary>Route 19: balance, active_balance and pending_earnings.</summary>
    public async Task<(decimal Balance, decimal Active, decimal Pending)> BalanceAsync()
    {
        var body = (await Client.GetFromJsonAsync<JsonObject>("/api/v1/users/me/balance"))!;
        return (body["balance"]!.GetValue<decimal>(), body["active_balance"]!.GetValue<decimal>(), body["pending_earnings"]!.GetValue<decimal>());
    }
}
