using Platform.Persistence;
using Platform.Persistence.LiteDb;

namespace Platform.Stores.Tests;

/// <summary>
/// LiteDB 5.0.21's BsonMapper publishes a type's mapping before it has finished building it, so a thread that asks for
/// it meanwhile maps the type with fields missing (LiteDB issue 2536). Services and tests alike first touch a document
/// type from several threads at once (parallel test fixtures each with a store; a service's first requests): whatever
/// the order, every field is stored and read back.
/// </summary>
public sealed class LiteDbFirstUseTests : IDisposable
{
    private const int Threads = 24;
    private readonly string _folder = Directory.CreateTempSubdirectory("litedb-first-use-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Stores_opened_at_once_keep_every_field_of_a_type_none_of_them_used_before()
    {
        var stores = Enumerable.Range(0, Threads).Select(i => new LiteDbStore(Path.Combine(_folder, $"store-{i}.db"))).ToList();
        try
        {
            RaceAtOnce(i => RoundTrip(stores[i].Collection<WideInOtherStores>("wide"), i));
        }
        finally
        {
            foreach (var store in stores) store.Dispose();
        }
    }

    [Fact]
    public void One_store_used_from_many_threads_at_once_keeps_every_field_of_a_type_it_never_used_before()
    {
        using var store = new LiteDbStore(Path.Combine(_folder, "one.db"));

        RaceAtOnce(i => RoundTrip(store.Collection<WideInOneStore>("wide"), i));
    }

    private static void RoundTrip<T>(IDocumentCollection<T> collection, int i) where T : WideDocument, new()
    {
        var written = new T { Id = $"doc-{i}" };
        written.Fill(i);
        collection.InsertAsync(written).GetAwaiter().GetResult();
        var read = collection.GetAsync(written.Id).GetAwaiter().GetResult();
        read.Should().NotBeNull();
        read!.Values().Should().Equal(written.Values(), "every field of the type is mapped, whichever thread mapped it first");
    }

    /// <summary>Runs <paramref name="use"/> on <see cref="Threads"/> threads released together; fails with the first failure.</summary>
    private static void RaceAtOnce(Action<int> use)
    {
        using var start = new Barrier(Threads);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, Threads).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            try { use(i); }
            catch (Exception ex) { failures.Enqueue(ex); }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        if (failures.TryPeek(out var first)) throw new Xunit.Sdk.XunitException($"{failures.Count} of {Threads} threads failed; the first: {first}");
    }

    public abstract class WideDocument : Document
    {
    public string P00 { get; set; } = string.Empty;
    public string P01 { get; set; } = string.Empty;
    public string P02 { get; set; } = string.Empty;
    public string P03 { get; set; } = string.Empty;
    public string P04 { get; set; } = string.Empty;
    public string P05 { get; set; } = string.Empty;
    public string P06 { get; set; } = string.Empty;
    public string P07 { get; set; } = string.Empty;
    public string P08 { get; set; } = string.Empty;
    public string P09 { get; set; } = string.Empty;
    public string P10 { get; set; } = string.Empty;
    public string P11 { get; set; } = string.Empty;
    public string P12 { get; set; } = string.Empty;
    public string P13 { get; set; } = string.Empty;
    public string P14 { get; set; } = string.Empty;
    public string P15 { get; set; } = string.Empty;
    public string P16 { get; set; } = string.Empty;
    public string P17 { get; set; } = string.Empty;
    public string P18 { get; set; } = string.Empty;
    public string P19 { get; set; } = string.Empty;
    public string P20 { get; set; } = string.Empty;
    public string P21 { get; set; } = string.Empty;
    public string P22 { get; set; } = string.Empty;
    public string P23 { get; set; } = string.Empty;
    public string P24 { get; set; } = string.Empty;
    public string P25 { get; set; } = string.Empty;
    public string P26 { get; set; } = string.Empty;
    public string P27 { get; set; } = string.Empty;
    public string P28 { get; set; } = string.Empty;
    public string P29 { get; set; } = string.Empty;
    public string P30 { get; set; } = string.Empty;
    public string P31 { get; set; } = string.Empty;
    public string P32 { get; set; } = string.Empty;
    public string P33 { get; set; } = string.Empty;
    public string P34 { get; set; } = string.Empty;
    public string P35 { get; set; } = string.Empty;
    public string P36 { get; set; } = string.Empty;
    public string P37 { get; set; } = string.Empty;
    public string P38 { get; set; } = string.Empty;
    public string P39 { get; set; } = string.Empty;

        public void Fill(int i)
        {
            foreach (var property in GetType().GetProperties().Where(p => p.Name.StartsWith('P'))) property.SetValue(this, $"{property.Name}-{i}");
        }

        public IReadOnlyList<string> Values() =>
            GetType().GetProperties().Where(p => p.Name.StartsWith('P')).OrderBy(p => p.Name).Select(p => (string)p.GetValue(this)!).ToList();
    }

    /// <summary>Used by one test only: its first use in this process is the race.</summary>
    public sealed class WideInOtherStores : WideDocument;

    /// <summary>Used by one test only: its first use in this process is the race.</summary>
    public sealed class WideInOneStore : WideDocument;
}
