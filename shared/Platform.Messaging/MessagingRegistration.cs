using System.Reflection;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Persistence;
using Platform.Persistence.Inbox;
using Platform.Persistence.Outbox;
using Platform.Persistence.Scheduling;

namespace Platform.Messaging;

public static class MessagingRegistration
{
    /// <summary>
    /// MassTransit over RabbitMQ (connection string "rabbitmq"), the consumers of <paramref name="consumerAssembly"/>,
    /// the inbox that makes them idempotent (and its purge), and the outbox relay. Tests replace the transport with MassTransit's test harness.
    /// </summary>
    public static IServiceCollection AddPlatformMessaging(this IServiceCollection services, IConfiguration configuration,
        string serviceName, Assembly? consumerAssembly = null, Action<IBusRegistrationConfigurator>? configure = null)
    {
        var inboxOptions = configuration.GetSection(InboxOptions.Section).Get<InboxOptions>() ?? new InboxOptions();
        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            if (consumerAssembly is not null) bus.AddConsumers(consumerAssembly);
            // On every transport (the test harness's too): a message whose handling failed is tried again a few times,
            // later each time, unless the use case refused it; one whose write lost a race to another consumer of the
            // same document is read again at once; one another delivery holds an unfinished inbox claim on (its process
            // died handling it) is tried again every second or two until that claim completes or times out.
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                endpoint.UseMessageRetry(r =>
                {
                    r.Intervals(100, 500, 1000, 5000);
                    r.Ignore<MessageRejectedException>();
                    r.Ignore<InboxClaimHeldException>();
                });
                endpoint.UseMessageRetry(r =>
                {
                    r.Intervals(ClaimHeldRetryIntervals(inboxOptions.ClaimTimeout));
                    r.Handle<InboxClaimHeldException>();
                });
                endpoint.UseMessageRetry(r =>
                {
                    r.Immediate(20);
                    r.Handle<ConcurrencyConflictException>();
                });
            });
            configure?.Invoke(bus);

            var rabbit = configuration.GetConnectionString("rabbitmq");
            if (string.IsNullOrWhiteSpace(rabbit))
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
            else
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(rabbit));
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });

        services.TryAddSingleton(inboxOptions);
        services.TryAddSingleton<Inbox>();
        services.AddIndexes(Inbox.EnsureIndexesAsync);
        // Handled messages are forgotten after the retention, so that the inbox does not grow without bound.
        services.AddPeriodicSweep("Inbox purge", inboxOptions.Interval,
            async (sp, ct) => (int)await sp.GetRequiredService<Inbox>().PurgeCompletedAsync(inboxOptions.Retention, ct));

        services.TryAddScoped<IOutboxPublisher, MassTransitOutboxPublisher>();
        services.AddOptions<OutboxRelayOptions>().Bind(configuration.GetSection("Outbox"));
        services.TryAddSingleton<OutboxRelay>(sp => ActivatorUtilities.CreateInstance<OutboxRelay>(sp,
            new ScopedOutboxPublisher(sp.GetRequiredService<IServiceScopeFactory>())));
        services.AddHostedService<OutboxRelayService>();
        return services;
    }

    /// <summary>
    /// The pauses between tries of a delivery whose message another delivery holds: short at first (a duplicate handled
    /// side by side completes in milliseconds), then every two seconds, for twice the claim timeout in all, by which time
    /// a dead delivery's claim has been taken over. Should even that run out, the message goes to the error queue, not away.
    /// </summary>
    public static TimeSpan[] ClaimHeldRetryIntervals(TimeSpan claimTimeout)
    {
        var intervals = new List<TimeSpan> { TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1) };
        var total = intervals.Aggregate(TimeSpan.Zero, (sum, i) => sum + i);
        while (total < claimTimeout * 2)
        {
            intervals.Add(TimeSpan.FromSeconds(2));
            total += TimeSpan.FromSeconds(2);
        }
        return [.. intervals];
    }

    /// <summary>Declares a collection whose documents carry outboxes, so the relay publishes their events (and indexes them).</summary>
    public static IServiceCollection AddOutboxSource<T>(this IServiceCollection services, string collection) where T : Document =>
        services
            .AddSingleton<IOutboxSource>(sp => new OutboxSource<T>(sp.GetRequiredService<IDocumentStore>().Collection<T>(collection)))
            .AddIndexes((store, ct) => store.Collection<T>(collection).EnsureOutboxIndexAsync(ct));

    /// <summary>The relay is a singleton; MassTransit's publish endpoint is scoped, so each publish takes a scope.</summary>
    private sealed class ScopedOutboxPublisher(IServiceScopeFactory scopes) : IOutboxPublisher
    {
        public async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IOutboxPublisher>().PublishAsync(message, cancellationToken);
        }
    }
}
