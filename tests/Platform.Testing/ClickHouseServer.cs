using System.Diagnostics;

namespace Platform.Testing;

/// <summary>
/// A real ClickHouse server for the tests that need one: the platform's own private-server script
/// (deploy/local/clickhouse-server.sh, Debian's server) on a free port and a temporary folder, started once per test
/// process (<see cref="SharedAsync"/>) and stopped when the process ends (or, killed, within seconds of it: the script
/// watches the process). ./platform test installs the server.
/// </summary>
public sealed class ClickHouseServer : IAsyncDisposable
{
    private static readonly Lazy<Task<ClickHouseServer>> Shared = new(() => StartAsync());
    private readonly Process _process;
    private readonly string _folder;

    private ClickHouseServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The driver's connection string (the platform's "clickhouse").</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Protocol=http;Username=default";

    /// <summary>The server every test of this process shares.</summary>
    public static Task<ClickHouseServer> SharedAsync() => Shared.Value;

    public static async Task<ClickHouseServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("platform-clickhouse-").FullName;
        var port = FreePorts.Any();
        var start = new ProcessStartInfo(Repository.PathOf("deploy", "local", "clickhouse-server.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["CLICKHOUSE_BASE"] = Path.Combine(folder, "server");
        start.Environment["CLICKHOUSE_HTTP_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["CLICKHOUSE_STOP_WITH_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(start) ?? throw new InvalidOperationException("clickhouse-server.sh did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ClickHouseServer(process, folder, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"ClickHouse exited at start (code {process.ExitCode}); is clickhouse-server installed?");
            try
            {
                if ((await http.GetStringAsync($"http://127.0.0.1:{port}/ping")).StartsWith("Ok", StringComparison.Ordinal)) return server;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException("ClickHouse did not answer within 60 s");
            }
            await Task.Delay(200);
        }
    }

    private void Stop()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
