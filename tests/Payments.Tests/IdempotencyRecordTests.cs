using Microsoft.Extensions.Time.Testing;
using Payments.Application.Ports;
using Payments.Infrastructure.Persistence;
using Platform.Persistence.LiteDb;

namespace Payments.Tests;

/// <summary>The Idempotency-Key memory in the embedded store: claims, replays, abandoned claims taken over, old keys forgotten.</summary>
public sealed class IdempotencyRecordTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("idempotency-").FullName;
    private readonly LiteDbStore _store;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly IdempotencyRecords _records;

    public IdempotencyRecordTests()
    {
        _store = new LiteDbStore(Path.Combine(_folder, "payments.db"));
        _records = new IdempotencyRecords(_store, _clock);
    }

    [Fact]
    public async Task A_key_is_claimed_once_then_replayed_or_refused_for_another_request()
    {
        (await _records.ClaimAsync("u1", "k", "h1", default)).State.Should().Be(IdempotencyState.New);
        (await _records.ClaimAsync("u1", "k", "h1", default)).State.Should().Be(IdempotencyState.InProgress);
        (await _records.ClaimAsync("u1", "k", "h2", default)).State.Should().Be(IdempotencyState.Mismatch);

        await _records.CompleteAsync("u1", "k", new StoredResponse(201, "application/json", [1, 2, 3]), default);

        var replay = await _records.ClaimAsync("u1", "k", "h1", default);
        replay.State.Should().Be(IdempotencyState.Replay);
        replay.Response!.StatusCode.Should().Be(201);
        replay.Response.Body.Should().Equal(1, 2, 3);
        (await _records.ClaimAsync("u2", "k", "h2", default)).State.Should().Be(IdempotencyState.New, "keys are each user's own");
    }

    [Fact]
    public async Task An_abandoned_claim_is_taken_over_after_the_timeout_and_a_released_one_at_once()
    {
        await _records.ClaimAsync("u1", "crashed", "h", default);
        _clock.Advance(IdempotencyRecords.ClaimTimeout + TimeSpan.FromSeconds(1));
        (await _records.ClaimAsync("u1", "crashed", "h", default)).State.Should().Be(IdempotencyState.New);

        await _records.ClaimAsync("u1", "failed", "h", default);
        await _records.ReleaseAsync("u1", "failed", default);
        (await _records.ClaimAsync("u1", "failed", "other", default)).State.Should().Be(IdempotencyState.New);
    }

    [Fact]
    public async Task Keys_older_than_the_retention_are_forgotten()
    {
        await _records.ClaimAsync("u1", "old", "h", default);
        await _records.CompleteAsync("u1", "old", new StoredResponse(200, null, []), default);
        _clock.Advance(TimeSpan.FromHours(1));
        await _records.ClaimAsync("u1", "new", "h", default);
        _clock.Advance(IdempotencyRecords.Retention - TimeSpan.FromMinutes(30));

        (await _records.PurgeAsync(default)).Should().Be(1);
        (await _records.ClaimAsync("u1", "old", "other", default)).State.Should().Be(IdempotencyState.New);
        (await _records.ClaimAsync("u1", "new", "other", default)).State.Should().Be(IdempotencyState.Mismatch);
    }

    public void Dispose()
    {
        _store.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
