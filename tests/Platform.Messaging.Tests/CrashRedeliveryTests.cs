using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.Persistence;
using Platform.Persistence.Inbox;
using Platform.Persistence.LiteDb;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>
/// A consumer killed while handling a message leaves its inbox claim unfinished, and the broker delivers the message
/// again (to the restarted process, or another replica). That delivery must not be acknowledged unhandled: it is tried
/// again until the dead claim times out, then handled, once. The bus is configured as every service's is
/// (<see cref="MessagingRegistration.AddPlatformMessaging"/>), on MassTransit's test harness.
/// </summary>
public sealed class CrashRedeliveryTests : IAsyncLifetime
{
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(2);
    private readonly string _folder = Directory.CreateTempSubdirectory("inbox-crash-").FullName;
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Inbox:ClaimTimeout"] = ClaimTimeout.ToString(),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IDocumentStore>(new LiteDbStore(Path.Combine(_folder, "svc.db")))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<Ledger>()
            .AddMediator();
        services.AddPlatformMessaging(configuration, "crash-test", typeof(PointsConsumer).Assembly);
        // The outbox relay and the purge are not what this test is about (and need the whole store's wiring).
        services.RemoveAll<IHostedService>();
        services.AddMassTransitTestHarness();
        _provider = services.BuildServiceProvider(true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    [Fact]
    public async Task A_redelivery_of_a_message_whose_handler_died_is_handled_once_the_dead_claim_times_out()
    {
        var inbox = _provider.GetRequiredService<Inbox>();
        var messageId = NewId.NextGuid();
        // The first delivery claimed the message, then its process was killed: no completion, no release.
        (await inbox.TryClaimAsync(nameof(PointsConsumer), messageId.ToString())).Status.Should().Be(InboxClaimStatus.Claimed);

        await _harness.Bus.Publish(new PointsAwarded("u1", 5), c => c.MessageId = messageId);

        await Eventually.HoldsAsync(() => _provider.GetRequiredService<Ledger>().Total == 5,
            "the redelivery waited for the dead claim to time out and then handled the message", ClaimTimeout * 5);
        (await inbox.HasHandledAsync(nameof(PointsConsumer), messageId.ToString())).Should().BeTrue();
        _harness.Published.Select<Fault<PointsAwarded>>().Should().BeEmpty("the delivery was retried, not faulted");
    }

    [Fact]
    public async Task A_redelivery_that_meets_a_claim_completed_meanwhile_is_acknowledged_without_handling_it_again()
    {
        var inbox = _provider.GetRequiredService<Inbox>();
        var messageId = NewId.NextGuid();
        var first = (await inbox.TryClaimAsync(nameof(PointsConsumer), messageId.ToString())).Claim!;

        await _harness.Bus.Publish(new PointsAwarded("u1", 5), c => c.MessageId = messageId);
        // The first delivery, slow but alive, handles the message and completes its claim while the second waits.
        await Task.Delay(300);
        _provider.GetRequiredService<Ledger>().Add("u1", 5);
        (await inbox.CompleteAsync(first)).Should().BeTrue();

        await Eventually.HoldsAsync(() => _harness.Consumed.Select<PointsAwarded>().Any(m => m.Context.MessageId == messageId),
            "the second delivery was consumed");
        await _harness.InactivityTask;
        _provider.GetRequiredService<Ledger>().Total.Should().Be(5, "the message was handled once, by the first delivery");
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
