using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// A publisher on the platform's broker, as another service's outbox relay would publish: each message retried until
/// the broker takes it, with the same message id on every attempt (should an attempt that timed out have reached the
/// broker after all, the consumers' inbox drops the second copy).
/// </summary>
public sealed class BrokerPublisher : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private BrokerPublisher(ServiceProvider provider) => _provider = provider;

    public static async Task<BrokerPublisher> StartAsync(string rabbitUrl)
    {
        var provider = new ServiceCollection()
            .AddMassTransit(bus => bus.UsingRabbitMq((_, cfg) => cfg.Host(new Uri(rabbitUrl))))
            .BuildServiceProvider();
        await provider.GetRequiredService<IBusControl>().StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return new BrokerPublisher(provider);
    }

    /// <summary>Publishes <paramref name="message"/> with its event id as the message id, as the platform's outbox relay does.</summary>
    public async Task PublishAsync<T>(T message) where T : Platform.Contracts.IntegrationEvent
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _provider.GetRequiredService<IBus>().Publish(message, c => c.MessageId = message.EventId, timeout.Token);
                return;
            }
            catch (Exception) when (attempt < 200)
            {
                await Task.Delay(250);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.GetRequiredService<IBusControl>().StopAsync();
        await _provider.DisposeAsync();
    }
}
