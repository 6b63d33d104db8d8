using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The device-agent simulator (tools/DeviceAgent, what `./platform agents` runs) as a child process against the
/// platform under test. Its output lines are kept; stopping it sends SIGTERM, as Ctrl-C or an orchestrator would.
/// </summary>
public sealed partial class DeviceAgentSimulator : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private DeviceAgentSimulator(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue("stderr: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines => [.. _lines];

    /// <param name="market">List the phones on the market. The suite shares one platform: phones on the market run any
    /// employer's automation tasks, so a test whose phones are there for something else keeps them off it (its phones stay
    /// "online" for a minute after the simulator stops, and would take other tests' tasks they never run).</param>
    public static DeviceAgentSimulator Start(PlatformInstance platform, User owner, int devices, double taskSeconds, string stateFile, bool market = true)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "DeviceAgent.dll"), "--client-id", owner.ClientId, "--client-secret", owner.ClientSecret,
                     "--devices", devices.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--task-seconds", taskSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--gateway", platform.Gateway.BaseAddress!.ToString(), "--state", stateFile, "--proxy-node", platform.TunnelUrl.ToString(), "--market", market ? "true" : "false",
                     // The tests' targets listen on this machine's loopback, which a phone's exit refuses unless allowed.
                     "--allow-targets", "127.0.0.0/8,::1/128",
                 })
            start.ArgumentList.Add(arg);
        return new DeviceAgentSimulator(Process.Start(start)!);
    }

    /// <summary>SIGTERM, then waits for the exit; its exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited) _ = Kill(_process.Id, SigTerm);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
