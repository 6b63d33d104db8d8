using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Persistence.Inbox;
using Platform.Persistence.LiteDb;
using Platform.Testing;

namespace Platform.Messaging.Tests;

public sealed record PointsAwarded(string UserId, int Points);

/// <summary>A consumer with a visible, non-idempotent effect: it adds points.</summary>
public sealed class PointsConsumer(Inbox inbox, Ledger ledger) : IdempotentConsumer<PointsAwarded>(inbox)
{
    protected override Task HandleAsync(PointsAwarded message, CancellationToken cancellationToken)
    {
        ledger.Add(message.UserId, message.Points);
        return Task.CompletedTask;
    }
}

public sealed class Ledger
{
    private int _total;
    public int Total => _total;
    public void Add(string userId, int points) => Interlocked.Add(ref _total, points);
}

public sealed class InboxTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("inbox-").FullName;
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _provider = new ServiceCollection()
            .AddSingleton<IDocumentStore>(new LiteDbStore(Path.Combine(_folder, "svc.db")))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<Inbox>()
            .AddSingleton<Ledger>()
            .AddMassTransitTestHarness(x => x.AddConsumer<PointsConsumer>())
            .BuildServiceProvider(true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    [Fact]
    public async Task The_same_message_delivered_twice_changes_nothing_the_second_time()
    {
        var messageId = NewId.NextGuid();

        await _harness.Bus.Publish(new PointsAwarded("u1", 5), c => c.MessageId = messageId);
        await _harness.Bus.Publish(new PointsAwarded("u1", 5), c => c.MessageId = messageId);

        // The harness lists consumed messages by id, so the duplicate doesn't show there: wait until the bus is idle.
        await Eventually.HoldsAsync(() => _harness.Consumed.Select<PointsAwarded>().Any(), "the first delivery consumed");
        await _harness.InactivityTask;
        (await _provider.GetRequiredService<Inbox>().HasHandledAsync(nameof(PointsConsumer), messageId.ToString())).Should().BeTrue();
        _provider.GetRequiredService<Ledger>().Total.Should().Be(5);
    }

    [Fact]
    public async Task Different_messages_are_each_handled()
    {
        await _harness.Bus.Publish(new PointsAwarded("u1", 5));
        await _harness.Bus.Publish(new PointsAwarded("u1", 7));

        await Eventually.HoldsAsync(() => _harness.Consumed.Select<PointsAwarded>().Count() == 2, "both deliveries consumed");
        _provider.GetRequiredService<Ledger>().Total.Should().Be(12);
    }

    [Fact]
    public async Task A_claim_left_by_a_crash_is_taken_over_after_the_timeout()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var inbox = new Inbox(_provider.GetRequiredService<IDocumentStore>(), clock);

        (await inbox.TryClaimAsync("c", "m1")).Should().BeTrue();
        (await inbox.TryClaimAsync("c", "m1")).Should().BeFalse("another delivery is handling it");
        clock.Advance(Inbox.ClaimTimeout + TimeSpan.FromSeconds(1));
        (await inbox.TryClaimAsync("c", "m1")).Should().BeTrue("the first handler never completed");
        await inbox.CompleteAsync("c", "m1");
        clock.Advance(Inbox.ClaimTimeout * 2);
        (await inbox.TryClaimAsync("c", "m1")).Should().BeFalse("a completed message is never handled again");
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
