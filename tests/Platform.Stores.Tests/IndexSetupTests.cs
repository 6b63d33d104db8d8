using Microsoft.Extensions.Logging.Abstractions;
using Platform.Persistence;

namespace Platform.Stores.Tests;

public sealed class IndexSetupTests
{
    private sealed class UnusedStore : IDocumentStore
    {
        public string Kind => "mongodb";
        public IDocumentCollection<T> Collection<T>(string name) where T : Document => throw new NotSupportedException();
        public Task PingAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    [Fact]
    public async Task Start_up_retries_while_the_store_is_unreachable_then_creates_the_indexes()
    {
        var attempts = 0;
        var setup = new IndexSetup(new UnusedStore(), (_, _) =>
        {
            if (++attempts < 3) throw new StoreUnavailableException("mongodb", new TimeoutException("no server"));
            return Task.CompletedTask;
        }, NullLogger<IndexSetup>.Instance, TimeSpan.FromMilliseconds(10));

        await setup.StartAsync(CancellationToken.None);

        attempts.Should().Be(3);
    }

    [Fact]
    public async Task Start_up_gives_up_when_the_host_stops_waiting()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var setup = new IndexSetup(new UnusedStore(), (_, _) => throw new StoreUnavailableException("mongodb", new TimeoutException("no server")),
            NullLogger<IndexSetup>.Instance, TimeSpan.FromMilliseconds(10));

        await FluentActions.Awaiting(() => setup.StartAsync(stop.Token)).Should().ThrowAsync<Exception>();
    }

    [Fact]
    public async Task An_index_conflict_stops_the_start_naming_the_index_to_drop()
    {
        var setup = new IndexSetup(new UnusedStore(), (_, _) =>
            throw new IndexConflictException("jobs", "Title", "an index with the same name but other options", new InvalidOperationException()),
            NullLogger<IndexSetup>.Instance, TimeSpan.FromMilliseconds(10));

        (await FluentActions.Awaiting(() => setup.StartAsync(CancellationToken.None)).Should().ThrowAsync<IndexConflictException>())
            .Which.Message.Should().Contain("db.jobs.dropIndex(\"Title\")");
    }
}
