using Platform.Persistence;
using Platform.Persistence.Outbox;

namespace Platform.Stores.Tests;

public sealed class Counter : Document
{
    public string Email { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public decimal Price { get; set; }
    public int Remaining { get; set; }
    public List<string> Tags { get; set; } = [];
    public CounterKind Kind { get; set; }
    public Guid Key { get; set; }
    public DateTimeOffset At { get; set; }
    public DateOnly Day { get; set; }
}

public enum CounterKind { Plain, Special }

/// <summary>What every store adapter must do; a subclass per store supplies the store (or skips, saying why).</summary>
public abstract class StoreContract : IAsyncLifetime
{
    private IDocumentStore? _store;
    protected IDocumentStore Store => _store ?? throw new SkipException(SkipReason ?? "store unavailable");
    protected IDocumentCollection<Counter> Items => Store.Collection<Counter>(CollectionName);
    protected string CollectionName { get; } = "items_" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Null when the store can be reached; otherwise why its tests are skipped.</summary>
    protected abstract string? SkipReason { get; }
    protected abstract IDocumentStore Open();
    /// <summary>Closes the store and opens it again on the same data.</summary>
    protected abstract IDocumentStore Reopen(IDocumentStore store);

    public Task InitializeAsync()
    {
        if (SkipReason is null) _store = Open();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        (_store as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }

    private void SkipUnlessReachable() => Skip.If(SkipReason is not null, SkipReason);

    [SkippableFact]
    public async Task Insert_then_get_returns_the_document_at_version_1()
    {
        SkipUnlessReachable();
        await Items.InsertAsync(new Counter { Id = "a", Title = "First", Price = 1.2345m, Tags = ["x"] });

        var stored = await Items.GetAsync("a");

        stored.Should().NotBeNull();
        stored!.Title.Should().Be("First");
        stored.Price.Should().Be(1.2345m);
        stored.Tags.Should().Equal("x");
        stored.Version.Should().Be(1);
        (await Items.GetAsync("missing")).Should().BeNull();
    }

    [SkippableFact]
    public async Task Replace_with_the_current_version_succeeds_and_bumps_it()
    {
        SkipUnlessReachable();
        await Items.InsertAsync(new Counter { Id = "a", Title = "First" });
        var doc = (await Items.GetAsync("a"))!;
        doc.Title = "Second";

        await Items.ReplaceAsync(doc);

        doc.Version.Should().Be(2);
        (await Items.GetAsync("a"))!.Should().Match<Counter>(c => c.Title == "Second" && c.Version == 2);
    }

    [SkippableFact]
    public async Task Replace_with_a_stale_version_is_refused()
    {
        SkipUnlessReachable();
        await Items.InsertAsync(new Counter { Id = "a", Title = "First" });
        var first = (await Items.GetAsync("a"))!;
        var second = (await Items.GetAsync("a"))!;
        first.Title = "by first";
        await Items.ReplaceAsync(first);
        second.Title = "by second";

        var act = () => Items.ReplaceAsync(second);

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        (await Items.GetAsync("a"))!.Title.Should().Be("by first");
    }

    [SkippableFact]
    public async Task A_duplicate_in_a_case_insensitive_unique_field_is_refused_naming_the_field()
    {
        SkipUnlessReachable();
        await Items.EnsureIndexAsync(new IndexDefinition(nameof(Counter.Email), Unique: true, CaseInsensitive: true));
        await Items.InsertAsync(new Counter { Id = "a", Email = "Ann@Example.com" });

        var act = () => Items.InsertAsync(new Counter { Id = "b", Email = "ann@example.COM" });

        (await act.Should().ThrowAsync<DuplicateKeyException>()).Which.Field.Should().Be(nameof(Counter.Email));
        (await Items.CountAsync(Filter.All)).Should().Be(1);
    }

    [SkippableFact]
    public async Task A_duplicate_id_is_refused()
    {
        SkipUnlessReachable();
        await Items.InsertAsync(new Counter { Id = "a" });

        var act = () => Items.InsertAsync(new Counter { Id = "a" });

        await act.Should().ThrowAsync<DuplicateKeyException>();
    }

    [SkippableFact]
    public async Task Find_filters_sorts_pages_and_counts_the_total()
    {
        SkipUnlessReachable();
        for (var i = 1; i <= 25; i++)
            await Items.InsertAsync(new Counter { Id = $"d{i:00}", Title = $"Item {i:00}", Price = i, Tags = i % 2 == 0 ? ["even"] : ["odd"] });

        var page = await Items.FindAsync(
            Filter.And(Filter.AnyEq(nameof(Counter.Tags), "even"), Filter.Gte(nameof(Counter.Price), 5m)),
            new SortBy(nameof(Counter.Price), Descending: true), skip: 2, limit: 3);

        page.Total.Should().Be(10); // the even prices from 6 to 24
        page.Items.Select(i => i.Price).Should().Equal(20m, 18m, 16m);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Paging_through_equal_sort_keys_sees_every_document_exactly_once_ordered_by_id_after_the_key(bool descending)
    {
        SkipUnlessReachable();
        await Items.EnsureIndexAsync(new IndexDefinition(nameof(Counter.Price)));
        // 200 documents in three price groups, inserted in an order unrelated to their ids.
        var ids = Enumerable.Range(0, 200).Select(i => $"t{(i * 37) % 200:000}").ToList();
        foreach (var (id, index) in ids.Select((id, index) => (id, index)))
            await Items.InsertAsync(new Counter { Id = id, Price = index < 20 ? 1m : index < 180 ? 2m : 3m });

        var seen = new List<Counter>();
        for (var skip = 0; ; skip += 7)
        {
            var page = await Items.FindAsync(Filter.All, new SortBy(nameof(Counter.Price), descending), skip, 7);
            page.Total.Should().Be(200);
            if (page.Items.Count == 0) break;
            seen.AddRange(page.Items);
        }

        seen.Select(c => c.Id).Should().OnlyHaveUniqueItems().And.HaveCount(200);
        var expected = descending
            ? seen.OrderByDescending(c => c.Price).ThenByDescending(c => c.Id, StringComparer.Ordinal)
            : seen.OrderBy(c => c.Price).ThenBy(c => c.Id, StringComparer.Ordinal);
        seen.Select(c => c.Id).Should().Equal(expected.Select(c => c.Id), "ties are broken by id, in the sort's direction");
    }

    [SkippableFact]
    public async Task Text_search_is_a_case_insensitive_substring_over_several_fields()
    {
        SkipUnlessReachable();
        await Items.InsertAsync(new Counter { Id = "a", Title = "Create a GOOGLE account", Email = "x" });
        await Items.InsertAsync(new Counter { Id = "b", Title = "Other", Email = "someone@google.com" });
        await Items.InsertAsync(new Counter { Id = "c", Title = "Facebook likes", Email = "y" });
        await Items.InsertAsync(new Counter { Id = "d", Title = "Regex chars (.*)", Email = "z" });

        var found = await Items.FindAsync(Filter.ContainsText("gOoGle", nameof(Counter.Title), nameof(Counter.Email)), null, 0, 10);
        var literal = await Items.FindAsync(Filter.ContainsText("(.*)", nameof(Counter.Title)), null, 0, 10);

        found.Items.Select(i => i.Id).Should().BeEquivalentTo(["a", "b"]);
        literal.Items.Select(i => i.Id).Should().Equal("d");
    }

    [SkippableFact]
    public async Task A_conditional_decrement_raced_by_50_callers_lets_exactly_10_win()
    {
        SkipUnlessReachable();
        await Items.InsertAsync(new Counter { Id = "positions", Remaining = 10 });

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            Task.Run(() => Items.TryIncrementAsync("positions", nameof(Counter.Remaining), -1, minimum: 0))));

        results.Count(won => won).Should().Be(10);
        (await Items.GetAsync("positions"))!.Remaining.Should().Be(0);
    }

    [SkippableFact]
    public async Task Increments_of_several_fields_raced_by_40_callers_all_count()
    {
        SkipUnlessReachable();
        await Items.InsertAsync(new Counter { Id = "counts", Remaining = 5, Price = 1m });

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => Items.IncrementAsync("counts",
            new Dictionary<string, long> { [nameof(Counter.Remaining)] = i % 2 == 0 ? 2 : -1 }))));

        results.Should().OnlyContain(found => found);
        var stored = (await Items.GetAsync("counts"))!;
        stored.Remaining.Should().Be(5 + 20 * 2 - 20);
        stored.Version.Should().Be(41, "each increment is one write");
        (await Items.IncrementAsync("missing", new Dictionary<string, long> { [nameof(Counter.Remaining)] = 1 })).Should().BeFalse();
    }

    [SkippableFact]
    public async Task An_increment_once_adds_once_per_operation_until_the_operation_is_forgotten()
    {
        SkipUnlessReachable();
        await Items.InsertAsync(new Counter { Id = "once", Remaining = 5 });
        var plusTwo = new Dictionary<string, long> { [nameof(Counter.Remaining)] = 2 };

        (await Items.IncrementOnceAsync("once", "message-1", plusTwo)).Should().Be(IncrementOnceOutcome.Applied);
        (await Items.IncrementOnceAsync("once", "message-1", plusTwo)).Should().Be(IncrementOnceOutcome.AlreadyApplied, "a redelivery adds nothing");
        (await Items.IncrementOnceAsync("once", "message-2", plusTwo)).Should().Be(IncrementOnceOutcome.Applied);
        var stored = (await Items.GetAsync("once"))!;
        stored.Remaining.Should().Be(9);
        stored.AppliedOperations.Should().Equal("message-1", "message-2");
        stored.Version.Should().Be(3);

        await Items.ForgetOperationAsync("once", "message-1");
        (await Items.GetAsync("once"))!.Should().Match<Counter>(c => c.AppliedOperations.SequenceEqual(new[] { "message-2" }) && c.Version == 3);
        (await Items.IncrementOnceAsync("missing", "message-1", plusTwo)).Should().Be(IncrementOnceOutcome.Missing);
    }

    [SkippableFact]
    public async Task A_replace_keeps_the_stored_applied_operations_whatever_the_document_in_hand_says()
    {
        SkipUnlessReachable();
        await Items.InsertAsync(new Counter { Id = "kept-ops", Remaining = 1, AppliedOperations = ["from-the-caller"] });
        (await Items.GetAsync("kept-ops"))!.AppliedOperations.Should().BeEmpty("only the store records operations");
        await Items.IncrementOnceAsync("kept-ops", "message-1", new Dictionary<string, long> { [nameof(Counter.Remaining)] = 1 });
        var read = (await Items.GetAsync("kept-ops"))!;

        // A repository maps its aggregate to a new document, which knows nothing of the operations.
        await Items.ReplaceAsync(new Counter { Id = "kept-ops", Version = read.Version, Remaining = read.Remaining, Title = "renamed" });

        var stored = (await Items.GetAsync("kept-ops"))!;
        (stored.Title, stored.Remaining).Should().Be(("renamed", 2));
        stored.AppliedOperations.Should().Equal("message-1");
        (await Items.IncrementOnceAsync("kept-ops", "message-1", new Dictionary<string, long> { [nameof(Counter.Remaining)] = 1 }))
            .Should().Be(IncrementOnceOutcome.AlreadyApplied);
    }

    [SkippableFact]
    public async Task The_same_operation_raced_by_20_callers_adds_once_and_different_ones_all_add()
    {
        SkipUnlessReachable();
        await Items.InsertAsync(new Counter { Id = "raced-once" });
        var one = new Dictionary<string, long> { [nameof(Counter.Remaining)] = 1 };

        var same = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Items.IncrementOnceAsync("raced-once", "the-message", one))));
        var different = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => Items.IncrementOnceAsync("raced-once", $"message-{i}", one))));

        same.Count(o => o == IncrementOnceOutcome.Applied).Should().Be(1);
        different.Should().OnlyContain(o => o == IncrementOnceOutcome.Applied);
        (await Items.GetAsync("raced-once"))!.Remaining.Should().Be(21);
    }

    [SkippableFact]
    public async Task At_most_the_newest_operation_keys_are_kept()
    {
        SkipUnlessReachable();
        await Items.InsertAsync(new Counter { Id = "bounded" });
        var one = new Dictionary<string, long> { [nameof(Counter.Remaining)] = 1 };
        var max = IDocumentCollection<Counter>.MaxAppliedOperations;

        for (var i = 0; i < max + 5; i++) await Items.IncrementOnceAsync("bounded", $"m{i}", one);

        var stored = (await Items.GetAsync("bounded"))!;
        stored.AppliedOperations.Should().HaveCount(max).And.StartWith("m5").And.EndWith($"m{max + 4}");
        stored.Remaining.Should().Be(max + 5);
    }

    [SkippableFact]
    public async Task Data_is_still_there_after_the_store_is_reopened()
    {
        SkipUnlessReachable();
        await Items.InsertAsync(new Counter { Id = "kept", Title = "Durable", Price = 9.99m });

        _store = Reopen(Store);

        (await Items.GetAsync("kept"))!.Should().Match<Counter>(c => c.Title == "Durable" && c.Price == 9.99m);
    }

    [SkippableFact]
    public async Task Events_written_with_a_document_stay_pending_until_removed()
    {
        SkipUnlessReachable();
        await Items.EnsureOutboxIndexAsync();
        await Items.InsertAsync(new Counter { Id = "quiet" });
        var first = OutboxMessages.From(new SampleEvent("one"));
        await Items.InsertAsync(new Counter { Id = "a" }, [first]);
        var doc = (await Items.GetAsync("a"))!;
        var second = OutboxMessages.From(new SampleEvent("two"));
        await Items.ReplaceAsync(doc, [second]);

        var pending = (await Items.FindWithPendingOutboxAsync(10)).Should().ContainSingle().Subject;
        pending.Id.Should().Be("a");
        pending.Outbox.Select(m => m.Id).Should().Equal(first.Id, second.Id);

        await Items.RemoveOutboxMessagesAsync("a", [first.Id, second.Id]);

        (await Items.FindWithPendingOutboxAsync(10)).Should().BeEmpty();
        (await Items.GetAsync("a"))!.Version.Should().Be(2, "trimming the outbox is not a change of the document");
    }

    [SkippableFact]
    public async Task Pending_events_are_taken_oldest_first()
    {
        SkipUnlessReachable();
        await Items.EnsureOutboxIndexAsync();
        var start = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        // Written in another order than they happened.
        foreach (var (id, minutes) in new[] { ("c", 3), ("a", 1), ("d", 4), ("b", 2) })
            await Items.InsertAsync(new Counter { Id = id }, [OutboxMessages.From(new SampleEvent(id) { OccurredAt = start.AddMinutes(minutes) })]);

        (await Items.FindWithPendingOutboxAsync(3)).Select(d => d.Id).Should().Equal("a", "b", "c");
    }

    [SkippableFact]
    public async Task An_enum_is_stored_and_filtered_by_its_name()
    {
        SkipUnlessReachable();
        await Items.InsertAsync(new Counter { Id = "p", Kind = CounterKind.Plain });
        await Items.InsertAsync(new Counter { Id = "s", Kind = CounterKind.Special });

        (await Items.FindAsync(Filter.Eq(nameof(Counter.Kind), CounterKind.Special), null, 0, 10)).Items.Select(d => d.Id).Should().Equal("s");
        (await Items.FindAsync(Filter.Eq(nameof(Counter.Kind), "Special"), null, 0, 10)).Items.Select(d => d.Id).Should().Equal(["s"],
            "the stored value is the name, in both stores");
        (await Items.FindAsync(Filter.In(nameof(Counter.Kind), [CounterKind.Plain, CounterKind.Special]), null, 0, 10)).Total.Should().Be(2);
    }

    [SkippableFact]
    public async Task Guid_DateTimeOffset_and_DateOnly_values_filter_as_they_are_stored()
    {
        SkipUnlessReachable();
        var key = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 5, 1, 14, 30, 0, TimeSpan.FromHours(2));
        await Items.InsertAsync(new Counter { Id = "x", Key = key, At = at, Day = new DateOnly(2026, 5, 1) });
        await Items.InsertAsync(new Counter { Id = "y", Key = Guid.NewGuid(), At = at.AddDays(1), Day = new DateOnly(2026, 5, 2) });

        async Task<IEnumerable<string>> Ids(Filter filter) => (await Items.FindAsync(filter, null, 0, 10)).Items.Select(d => d.Id);

        (await Ids(Filter.Eq(nameof(Counter.Key), key))).Should().Equal("x");
        (await Ids(Filter.Eq(nameof(Counter.At), at.ToOffset(TimeSpan.Zero)))).Should().Equal(["x"], "the same instant in another offset");
        (await Ids(Filter.Gte(nameof(Counter.At), at.AddHours(1)))).Should().Equal("y");
        (await Ids(Filter.Eq(nameof(Counter.Day), new DateOnly(2026, 5, 2)))).Should().Equal("y");
        (await Ids(Filter.Lte(nameof(Counter.Day), new DateOnly(2026, 5, 1)))).Should().Equal("x");
        var stored = (await Items.GetAsync("x"))!;
        stored.Key.Should().Be(key);
        stored.At.Should().Be(at, "the instant survives (as UTC)");
        stored.Day.Should().Be(new DateOnly(2026, 5, 1));
    }

    [SkippableFact]
    public async Task A_range_on_an_indexed_key_and_a_list_without_totals_read_what_find_reads()
    {
        SkipUnlessReachable();
        await Items.EnsureIndexAsync(new IndexDefinition(nameof(Counter.Title)));
        foreach (var (id, title) in new[] { ("1", "emp-a:0003"), ("2", "emp-a:0001"), ("3", "emp-a:0002"), ("4", "emp-b:0001"), ("5", "emp-:0009"), ("6", "emp-a:0009") })
            await Items.InsertAsync(new Counter { Id = id, Title = title, Remaining = int.Parse(id, System.Globalization.CultureInfo.InvariantCulture) });
        var range = Filter.And(Filter.Gte(nameof(Counter.Title), "emp-a:0002"), Filter.Lte(nameof(Counter.Title), "emp-a:~"), Filter.Lte(nameof(Counter.Remaining), 5));
        var byTitle = new SortBy(nameof(Counter.Title), false);

        (await Items.FindAsync(range, byTitle, 0, 10)).Items.Select(d => d.Id).Should().Equal(["3", "1"], "both bounds hold, and the other condition too");
        (await Items.ListAsync(range, byTitle, 10)).Select(d => d.Id).Should().Equal("3", "1");
        (await Items.ListAsync(range, byTitle, 1)).Select(d => d.Id).Should().Equal("3");
        (await Items.ListAsync(Filter.All, null, 3)).Select(d => d.Id).Should().Equal(["1", "2", "3"], "unsorted lists go by id, as finds do");
        (await Items.ListAsync(Filter.Eq(nameof(Counter.Title), "none"), byTitle, 10)).Should().BeEmpty();
        (await Items.ListAsync(Filter.StartsWith(nameof(Counter.Title), "emp-a:"), byTitle, 10)).Select(d => d.Id).Should().Equal("2", "3", "1", "6");
        (await Items.ListAsync(Filter.And(Filter.StartsWith(nameof(Counter.Title), "emp-"), Filter.Lte(nameof(Counter.Remaining), 4)), byTitle, 10))
            .Select(d => d.Id).Should().Equal(["2", "3", "1", "4"], "a nested condition reads like a flat one");
    }

    [SkippableFact]
    public async Task Reading_all_in_pages_returns_every_match_once_in_id_order()
    {
        SkipUnlessReachable();
        for (var i = 0; i < 11; i++) await Items.InsertAsync(new Counter { Id = $"r{i:D2}", Remaining = i % 3 });

        var all = new List<string>();
        await foreach (var item in Items.ReadAllAsync(Filter.Lte(nameof(Counter.Remaining), 1), pageSize: 3)) all.Add(item.Id);

        all.Should().Equal("r00", "r01", "r03", "r04", "r06", "r07", "r09", "r10");
    }

    [SkippableFact]
    public async Task Strings_compare_and_sort_ordinally_in_both_stores()
    {
        SkipUnlessReachable();
        foreach (var title in new[] { "b", "A", "a", "B", "ab" })
            await Items.InsertAsync(new Counter { Id = "id-" + title + (char.IsUpper(title[0]) ? "-upper" : ""), Title = title });
        await Items.EnsureIndexAsync(new IndexDefinition(nameof(Counter.Title)));

        (await Items.FindAsync(Filter.All, new SortBy(nameof(Counter.Title), false), 0, 10)).Items.Select(d => d.Title)
            .Should().Equal("A", "B", "a", "ab", "b");
        (await Items.FindAsync(Filter.Eq(nameof(Counter.Title), "a"), null, 0, 10)).Items.Select(d => d.Title).Should().Equal("a");
        (await Items.FindAsync(Filter.In(nameof(Counter.Title), ["B"]), null, 0, 10)).Items.Select(d => d.Title).Should().Equal("B");
        (await Items.FindAsync(Filter.Gte(nameof(Counter.Title), "a"), null, 0, 10)).Total.Should().Be(3, "a, ab and b come after every capital");
        (await Items.FindAsync(Filter.ContainsText("A", nameof(Counter.Title)), null, 0, 10)).Total.Should().Be(3, "text search stays case-insensitive");
    }

    [SkippableFact]
    public async Task Control_characters_in_a_search_term_are_ignored()
    {
        SkipUnlessReachable();
        await Items.InsertAsync(new Counter { Id = "a", Title = "Watch a video" });

        var found = await Items.FindAsync(Filter.ContainsText("vid\0eo\u0001", nameof(Counter.Title)), null, 0, 10);

        found.Items.Select(d => d.Id).Should().Equal("a");
    }

    [SkippableFact]
    public async Task Delete_many_removes_exactly_the_matches()
    {
        SkipUnlessReachable();
        for (var i = 0; i < 6; i++) await Items.InsertAsync(new Counter { Id = $"d{i}", Remaining = i });

        (await Items.DeleteManyAsync(Filter.Lte(nameof(Counter.Remaining), 2))).Should().Be(3);

        (await Items.CountAsync(Filter.All)).Should().Be(3);
        (await Items.GetAsync("d3")).Should().NotBeNull();
    }

    public sealed record SampleEvent(string Name) : Platform.Contracts.IntegrationEvent;
}
