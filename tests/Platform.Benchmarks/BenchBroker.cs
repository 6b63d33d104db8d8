using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Benchmarks;

/// <summary>
/// The benchmark's own connection to the platform's broker: it publishes (the platform's events, or its own pings) and
/// consumes its pings with a consumer that does nothing, for the raw MassTransit figure.
/// </summary>
internal sealed class BenchBroker : IAsyncDisposable
{
    private static int s_consumed;
    private readonly ServiceProvider _provider;

    private BenchBroker(ServiceProvider provider) => _provider = provider;

    public static async Task<BenchBroker> StartAsync(string rabbitUrl)
    {
        var provider = new ServiceCollection()
            .AddMassTransit(bus =>
            {
                bus.AddConsumer<PingConsumer>();
                bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter("bench-" + Guid.NewGuid().ToString("N")[..6], false));
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(rabbitUrl));
                    cfg.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider();
        await provider.GetRequiredService<IBusControl>().StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return new BenchBroker(provider);
    }

    /// <summary>Publishes every message, 64 at a time in flight.</summary>
    public async Task PublishAllAsync<T>(IEnumerable<T> messages) where T : class
    {
        var bus = _provider.GetRequiredService<IBus>();
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (message, ct) => await bus.Publish(message, ct));
    }

    /// <summary>How long <paramref name="count"/> pings take from the first publish until the last is consumed.</summary>
    public async Task<TimeSpan> PublishAndConsumeAsync(int count)
    {
        Interlocked.Exchange(ref s_consumed, 0);
        var clock = Stopwatch.StartNew();
        await PublishAllAsync(Enumerable.Range(0, count).Select(i => new BenchPing(i)));
        while (Volatile.Read(ref s_consumed) < count)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException("The pings were not all consumed within 5 minutes.");
            await Task.Delay(10);
        }
        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.GetRequiredService<IBusControl>().StopAsync();
        await _provider.DisposeAsync();
    }

    public sealed record BenchPing(int N);

    private sealed class PingConsumer : IConsumer<BenchPing>
    {
        public Task Consume(ConsumeContext<BenchPing> context)
        {
            Interlocked.Increment(ref s_consumed);
            return Task.CompletedTask;
        }
    }
}
