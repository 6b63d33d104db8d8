using System.Net.Http.Headers;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Platform.Contracts;

namespace Platform.Testing;

/// <summary>
/// One service over HTTP, in memory: its own temporary embedded store, tokens from <see cref="TestTokens"/>, and
/// MassTransit's test harness in place of RabbitMQ (so the test can see what the service publishes).
/// </summary>
public class ServiceFactory<TProgram> : WebApplicationFactory<TProgram> where TProgram : class
{
    public ServiceFactory()
    {
        DataDirectory = Directory.CreateTempSubdirectory("service-test-").FullName;
    }

    public TestTokens Tokens { get; } = new();
    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("PLATFORM_DATA_DIR", DataDirectory);
        builder.UseSetting("Auth:PublicKeyPem", Tokens.PublicKeyPem);
        builder.UseSetting("ConnectionStrings:rabbitmq", string.Empty);
        builder.ConfigureTestServices(services =>
        {
            services.AddMassTransitTestHarness();
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestPeer>();
        });
    }

    /// <summary>The test harness bus: what the service published, and a bus to publish other services' events on.</summary>
    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    /// <summary>The integration events of type <typeparamref name="T"/> the service published that match.</summary>
    public IReadOnlyList<T> Published<T>(Func<T, bool> matches) where T : class =>
        Harness.Published.Select<T>(m => matches(m.Context.Message)).Select(m => m.Context.Message).ToList();

    /// <summary>
    /// The first matching <typeparamref name="T"/> the service published; fails when none comes. The outbox relay
    /// publishes after the write, so this waits on the store's clock, not on the harness's bus inactivity.
    /// </summary>
    public async Task<T> PublishedAsync<T>(Func<T, bool> matches) where T : class
    {
        await Eventually.HoldsAsync(() => Published(matches).Count > 0, $"the service published a matching {typeof(T).Name}");
        return Published(matches)[0];
    }

    /// <summary>
    /// Delivers another service's event as the broker does (its message id is its event id, as the outbox relay sends it)
    /// and returns once this service's consumer has handled it: what the test does next starts from an event that has
    /// arrived, as a client's next call does in production, and never from a guess at how long delivery takes.
    /// </summary>
    public async Task DeliverAsync<T>(T message) where T : IntegrationEvent
    {
        await Harness.Bus.Publish(message, c => c.MessageId = message.EventId);
        await Eventually.HoldsAsync(() => Harness.Consumed.Select<T>(m => m.Context.MessageId == message.EventId && m.Exception is null).Any(),
            $"the service handled {typeof(T).Name} {message.EventId}");
    }

    public HttpClient ClientFor(string userId, string name = "Test User", string country = "US")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(userId, name, country));
        return client;
    }

    /// <summary>A client with an agent token of <paramref name="ownerId"/>'s device (and running task).</summary>
    public HttpClient AgentClientFor(string ownerId, string remoteDeviceId, string? jobTaskId = null) =>
        ClientWithToken(Tokens.ForAgent(ownerId, remoteDeviceId, jobTaskId));

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
