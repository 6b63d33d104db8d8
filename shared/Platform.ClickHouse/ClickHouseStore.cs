using System.Text.Json;
using System.Web;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO;
using ClickHouse.Driver.Compression;

namespace Platform.ClickHouse;

/// <summary>
/// The platform's ClickHouse (connection string "clickhouse", e.g. <c>Host=127.0.0.1;Port=8124;Protocol=http;Username=default</c>),
/// through the official driver, set up so that the same code runs on Debian's 18.16 server and on a current one:
/// <list type="bullet">
/// <item>the driver's two JSON settings, which 18.16 refuses as unknown, are taken off every request (nothing here uses JSON columns);</item>
/// <item>inserts are RowBinary with the column types given (no schema query) and gzip (18.16 knows no zstd);</item>
/// <item>reads ask for JSONEachRow (18.16 knows no RowBinaryWithNamesAndTypes, the driver's reader format).</item>
/// </list>
/// 18.16 has no query parameters either: callers build their SQL only from values they parsed and format themselves
/// (numbers, ids they validated, <see cref="Sql.Text"/> for free text), never from a caller's string.
/// </summary>
public sealed class ClickHouseStore : IDisposable
{
    private readonly ClickHouseClient? _client;
    private readonly HttpClient? _http;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _done = new(StringComparer.Ordinal);

    public ClickHouseStore(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) return;
        _http = new HttpClient(new OldServerCompatibility(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }))
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        _client = new ClickHouseClient(new ClickHouseClientSettings(connectionString) { HttpClient = _http });
    }

    /// <summary>Whether a server is configured at all (without one, the routes that need it answer 503).</summary>
    public bool IsConfigured => _client is not null;

    private ClickHouseClient Client => _client ?? throw new ClickHouseUnavailableException("ClickHouse is not configured (ConnectionStrings:clickhouse)", null);

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            return _client is not null && await _client.PingAsync(null, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>A statement without a result (DDL).</summary>
    public Task ExecuteAsync(string sql, CancellationToken cancellationToken) => Guard(() => Client.ExecuteNonQueryAsync(sql, null, null, cancellationToken));

    /// <summary>A statement a process needs run once (CREATE … IF NOT EXISTS): run on first use, and again only until it has succeeded.</summary>
    public async Task ExecuteOnceAsync(string sql, CancellationToken cancellationToken)
    {
        if (_done.ContainsKey(sql)) return;
        await ExecuteAsync(sql, cancellationToken);
        _done.TryAdd(sql, 0);
    }

    /// <summary>The rows of a SELECT, as JSON objects (64-bit integers come back as strings in ClickHouse's JSON: read them with <see cref="Sql.Int64"/>).</summary>
    public Task<IReadOnlyList<JsonElement>> QueryAsync(string sql, CancellationToken cancellationToken) =>
        Guard<IReadOnlyList<JsonElement>>(async () =>
        {
            using var result = await Client.ExecuteRawResultAsync(sql + " FORMAT JSONEachRow", null, cancellationToken);
            var text = await result.ReadAsStringAsync();
            var rows = new List<JsonElement>();
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                using var document = JsonDocument.Parse(line);
                rows.Add(document.RootElement.Clone());
            }
            return rows;
        });

    /// <summary>The most rows one insert request carries (the driver splits larger inserts).</summary>
    public const int MaxRowsPerRequest = 100_000;

    /// <summary>Writes rows as RowBinary requests (gzip) of up to <see cref="MaxRowsPerRequest"/>, the columns' types given so the driver asks the server nothing first.</summary>
    public Task<long> InsertAsync(string table, IReadOnlyList<string> columns, IReadOnlyDictionary<string, string> types, IEnumerable<object[]> rows,
        CancellationToken cancellationToken) =>
        Guard(() => Client.InsertBinaryAsync(table, columns, rows, new InsertOptions
        {
            ColumnTypes = types,
            Compressor = new GZipCompressor(),
            BatchSize = MaxRowsPerRequest,
            MaxDegreeOfParallelism = 1,
        }, cancellationToken));

    private static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is HttpRequestException or ClickHouseServerException or TaskCanceledException { InnerException: TimeoutException })
        {
            throw new ClickHouseUnavailableException($"ClickHouse did not answer as asked: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        _client?.Dispose();
        _http?.Dispose();
    }

    /// <summary>Takes off the settings an old server refuses as unknown, and the response encodings it can't make.</summary>
    private sealed class OldServerCompatibility(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private static readonly string[] UnknownToOldServers = ["output_format_binary_write_json_as_string", "input_format_binary_read_json_as_string"];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { } uri && UnknownToOldServers.Any(s => uri.Query.Contains(s, StringComparison.Ordinal)))
            {
                var query = HttpUtility.ParseQueryString(uri.Query);
                foreach (var setting in UnknownToOldServers) query.Remove(setting);
                request.RequestUri = new UriBuilder(uri) { Query = query.ToString() }.Uri;
            }
            request.Headers.AcceptEncoding.Clear();
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>ClickHouse is not configured, can't be reached, or refused the statement: the caller answers 502/503, never 500.</summary>
public sealed class ClickHouseUnavailableException(string message, Exception? inner) : Exception(message, inner);
