using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Identity;
using Platform.Contracts.Jobs;
using Platform.Contracts.Tasks;

namespace Platform.EndToEnd.Tests;

/// <summary>A consumer in this test process, on its own queues of the platform's real broker: what another service would receive.</summary>
public sealed class EventProbe : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly IBusControl _bus;

    private EventProbe(ServiceProvider provider)
    {
        _provider = provider;
        _bus = provider.GetRequiredService<IBusControl>();
    }

    public static ConcurrentQueue<(object Message, string? TraceParent)> Received { get; } = new();

    public static async Task<EventProbe> StartAsync(string rabbitUrl)
    {
        var provider = new ServiceCollection()
            .AddMassTransit(bus =>
            {
                bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter("e2e-probe-" + Guid.NewGuid().ToString("N")[..6], false));
                bus.AddConsumer<UserRegisteredProbe>();
                bus.AddConsumer<JobCreatedProbe>();
                bus.AddConsumer<TaskConfirmedProbe>();
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(rabbitUrl));
                    cfg.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider();
        var probe = new EventProbe(provider);
        await probe._bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return probe;
    }

    public static async Task<(T Message, string? TraceParent)> WaitForAsync<T>(Func<T, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            foreach (var (message, trace) in Received)
                if (message is T typed && match(typed)) return (typed, trace);
            await Task.Delay(100);
        }
        throw new TimeoutException($"No {typeof(T).Name} arrived in time.");
    }

    public async ValueTask DisposeAsync()
    {
        await _bus.StopAsync();
        await _provider.DisposeAsync();
    }

    private static string? TraceParentOf(ConsumeContext context) =>
        context.Headers.Get<string>("traceparent") ?? context.Headers.Get<string>("Diagnostic-Id") ?? context.Headers.Get<string>("MT-Activity-Id")
        ?? string.Join(";", context.Headers.GetAll().Select(h => $"{h.Key}={h.Value}"));

    public sealed class UserRegisteredProbe : IConsumer<UserRegistered>
    {
        public Task Consume(ConsumeContext<UserRegistered> context)
        {
            Received.Enqueue((context.Message, TraceParentOf(context)));
            return Task.CompletedTask;
        }
    }

    public sealed class JobCreatedProbe : IConsumer<JobCreated>
    {
        public Task Consume(ConsumeContext<JobCreated> context)
        {
            Received.Enqueue((context.Message, TraceParentOf(context)));
            return Task.CompletedTask;
        }
    }

    public sealed class TaskConfirmedProbe : IConsumer<TaskConfirmed>
    {
        public Task Consume(ConsumeContext<TaskConfirmed> context)
        {
            Received.Enqueue((context.Message, TraceParentOf(context)));
            return Task.CompletedTask;
        }
    }
}
