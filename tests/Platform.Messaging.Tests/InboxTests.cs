using MassTransit;
using Mediator;
using Platform.Application.Results;
using Platform.Contracts;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Persistence.Inbox;
using Platform.Persistence.LiteDb;
using Platform.Testing;

[assembly: Mediator.MediatorOptions(ServiceLifetime = ServiceLifetime.Scoped)]

namespace Platform.Messaging.Tests;

public sealed record PointsAwarded(string UserId, int Points) : IntegrationEvent;

/// <summary>The use case the event becomes: it adds points, a visible, non-idempotent effect; negative points are refused.</summary>
public sealed record AwardPoints(string UserId, int Points) : ICommand<Result>;

public sealed class AwardPointsHandler(Ledger ledger) : ICommandHandler<AwardPoints, Result>
{
    public ValueTask<Result> Handle(AwardPoints command, CancellationToken cancellationToken)
    {
        if (command.Points < 0) return ValueTask.FromResult(Result.Failure(Error.Validation("points must not be negative")));
        ledger.Add(command.UserId, command.Points);
        return ValueTask.FromResult(Result.Success());
    }
}

public sealed class PointsConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<PointsAwarded>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(PointsAwarded message) => new AwardPoints(message.UserId, message.Points);
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
            .AddMediator()
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
    public async Task A_refused_event_is_not_marked_handled_and_faults_instead_of_being_retried()
    {
        var messageId = NewId.NextGuid();

        await _harness.Bus.Publish(new PointsAwarded("u1", -3), c => c.MessageId = messageId);

        await Eventually.HoldsAsync(() => _harness.Published.Select<Fault<PointsAwarded>>().Any(), "the refusal faulted");
        (await _harness.Published.SelectAsync<Fault<PointsAwarded>>().First()).Context.Message.Exceptions
            .Should().ContainSingle().Which.Message.Should().Contain("points must not be negative");
        (await _provider.GetRequiredService<Inbox>().HasHandledAsync(nameof(PointsConsumer), messageId.ToString())).Should().BeFalse();
        _provider.GetRequiredService<Ledger>().Total.Should().Be(0);
    }

    [Fact]
    public async Task A_claim_left_by_a_crash_is_taken_over_after_the_timeout()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var inbox = new Inbox(_provider.GetRequiredService<IDocumentStore>(), clock);

        (await inbox.TryClaimAsync("c", "m1")).Status.Should().Be(InboxClaimStatus.Claimed);
        var held = await inbox.TryClaimAsync("c", "m1");
        held.Status.Should().Be(InboxClaimStatus.HeldElsewhere, "another delivery is handling it: this one must be tried again, not acknowledged");
        held.HeldUntil.Should().BeCloseTo(clock.GetUtcNow().UtcDateTime + inbox.ClaimTimeout, TimeSpan.FromMilliseconds(1));
        clock.Advance(inbox.ClaimTimeout + TimeSpan.FromSeconds(1));
        var takeover = (await inbox.TryClaimAsync("c", "m1")).Claim;
        takeover.Should().NotBeNull("the first handler never completed");
        (await inbox.CompleteAsync(takeover!)).Should().BeTrue();
        clock.Advance(inbox.ClaimTimeout * 2);
        (await inbox.TryClaimAsync("c", "m1")).Status.Should().Be(InboxClaimStatus.Handled, "a completed message is never handled again");
    }

    [Fact]
    public async Task A_slow_handler_whose_claim_was_taken_over_cannot_release_or_complete_the_new_claim()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var inbox = new Inbox(_provider.GetRequiredService<IDocumentStore>(), clock);
        var slow = (await inbox.TryClaimAsync("c", "m2")).Claim;
        clock.Advance(inbox.ClaimTimeout + TimeSpan.FromSeconds(1));
        var takeover = (await inbox.TryClaimAsync("c", "m2")).Claim;

        (await inbox.ReleaseAsync(slow!)).Should().BeFalse("the claim is no longer the slow handler's");
        (await inbox.TryClaimAsync("c", "m2")).Status.Should().Be(InboxClaimStatus.HeldElsewhere, "the takeover's claim still holds");
        (await inbox.CompleteAsync(slow!)).Should().BeFalse();
        (await inbox.HasHandledAsync("c", "m2")).Should().BeFalse("only the takeover may complete it");
        (await inbox.CompleteAsync(takeover!)).Should().BeTrue();
        (await inbox.HasHandledAsync("c", "m2")).Should().BeTrue();
    }

    [Fact]
    public async Task A_released_claim_can_be_taken_again_at_once()
    {
        var inbox = _provider.GetRequiredService<Inbox>();
        var first = (await inbox.TryClaimAsync("c", "m3")).Claim;

        (await inbox.ReleaseAsync(first!)).Should().BeTrue();

        (await inbox.TryClaimAsync("c", "m3")).Status.Should().Be(InboxClaimStatus.Claimed, "the retry handles it without waiting for the timeout");
    }

    [Fact]
    public async Task The_purge_forgets_only_messages_completed_before_the_retention()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var inbox = new Inbox(_provider.GetRequiredService<IDocumentStore>(), clock);
        await inbox.CompleteAsync((await inbox.TryClaimAsync("c", "old")).Claim!);
        var unfinished = (await inbox.TryClaimAsync("c", "unfinished")).Claim;
        clock.Advance(TimeSpan.FromDays(8));
        await inbox.CompleteAsync((await inbox.TryClaimAsync("c", "recent")).Claim!);

        (await inbox.PurgeCompletedAsync(TimeSpan.FromDays(7))).Should().Be(1);

        (await inbox.HasHandledAsync("c", "old")).Should().BeFalse();
        (await inbox.HasHandledAsync("c", "recent")).Should().BeTrue();
        unfinished.Should().NotBeNull();
        (await inbox.CompleteAsync(unfinished!)).Should().BeTrue("an unfinished claim is never purged");
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
