using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Persistence.LiteDb;
using Platform.Persistence.Outbox;

namespace Platform.Messaging.Tests;

public sealed class Order : Document
{
    public string Status { get; set; } = string.Empty;
}

public sealed record OrderPlaced(string OrderId) : Platform.Contracts.IntegrationEvent;

public sealed class OutboxRelayTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("outbox-").FullName;
    private readonly RecordingPublisher _broker = new();
    private LiteDbStore _store;

    public OutboxRelayTests() => _store = new LiteDbStore(Path.Combine(_folder, "svc.db"));

    private IDocumentCollection<Order> Orders => _store.Collection<Order>("orders");

    private OutboxRelay NewRelay(IOutboxPublisher? publisher = null) =>
        new([new OutboxSource<Order>(Orders)], publisher ?? _broker, NullLogger<OutboxRelay>.Instance);

    [Fact]
    public async Task The_state_change_and_its_event_are_stored_together_and_the_relay_publishes_then_trims()
    {
        var placed = new OrderPlaced("o1");
        await Orders.InsertAsync(new Order { Id = "o1", Status = "placed" }, [OutboxMessages.From(placed)]);

        var published = await NewRelay().PublishAllPendingAsync(CancellationToken.None);

        published.Should().Be(1);
        _broker.Events.Should().ContainSingle().Which.Should().Be(placed, "the event arrives as written, its id and time included");
        (await Orders.GetAsync("o1"))!.Outbox.Should().BeEmpty();
        (await NewRelay().PublishAllPendingAsync(CancellationToken.None)).Should().Be(0, "nothing is published twice once trimmed");
    }

    [Fact]
    public async Task A_crash_between_the_write_and_the_publish_loses_nothing_a_new_relay_publishes_it()
    {
        // The service wrote the order and its event, then died before any relay ran: simulate by reopening the store.
        var placed = new OrderPlaced("o2");
        await Orders.InsertAsync(new Order { Id = "o2", Status = "placed" }, [OutboxMessages.From(placed)]);
        _store.Dispose();
        _store = new LiteDbStore(Path.Combine(_folder, "svc.db"));

        await NewRelay().PublishAllPendingAsync(CancellationToken.None);

        _broker.Events.Should().ContainSingle().Which.Should().Be(placed);
    }

    [Fact]
    public async Task A_broker_failure_keeps_the_event_pending_for_the_next_attempt()
    {
        await Orders.InsertAsync(new Order { Id = "o3" }, [OutboxMessages.From(new OrderPlaced("o3"))]);

        var failing = () => NewRelay(new FailingPublisher()).PublishAllPendingAsync(CancellationToken.None);

        await failing.Should().ThrowAsync<InvalidOperationException>();
        (await Orders.GetAsync("o3"))!.Outbox.Should().HaveCount(1);
        await NewRelay().PublishAllPendingAsync(CancellationToken.None);
        _broker.Events.Should().ContainSingle();
    }

    [Fact]
    public async Task A_write_notice_publishes_one_document_without_a_sweep()
    {
        await Orders.InsertAsync(new Order { Id = "o4" }, [OutboxMessages.From(new OrderPlaced("o4"))]);

        (await NewRelay().PublishPendingAsync("orders", "o4", CancellationToken.None)).Should().Be(1);
        (await NewRelay().PublishPendingAsync("unknown", "o4", CancellationToken.None)).Should().Be(0);
    }

    [Fact]
    public async Task Each_event_keeps_its_id_as_the_message_id_so_consumers_can_deduplicate()
    {
        var message = OutboxMessages.From(new OrderPlaced("o5"));
        await Orders.InsertAsync(new Order { Id = "o5" }, [message]);

        await NewRelay().PublishAllPendingAsync(CancellationToken.None);

        _broker.MessageIds.Should().Equal(message.Id);
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class RecordingPublisher : IOutboxPublisher
    {
        public ConcurrentQueue<object> Events { get; } = new();
        public ConcurrentQueue<string> MessageIds { get; } = new();

        public Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            var type = Type.GetType(message.Type, throwOnError: true)!;
            Events.Enqueue(JsonSerializer.Deserialize(message.Body, type)!);
            MessageIds.Enqueue(message.Id);
            return Task.CompletedTask;
        }
    }

    private sealed class FailingPublisher : IOutboxPublisher
    {
        public Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("broker down");
    }
}
