using System.Diagnostics;

namespace Platform.Testing;

/// <summary>curl, the client a proxy's user runs: its exit code and what it printed (output, then errors).</summary>
public static class Curl
{
    public static async Task<(int Code, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-s", "-S", "--max-time", "10" }.Concat(arguments)) start.ArgumentList.Add(a);
        using var curl = Process.Start(start)!;
        var output = curl.StandardOutput.ReadToEndAsync();
        var error = curl.StandardError.ReadToEndAsync();
        await curl.WaitForExitAsync();
        return (curl.ExitCode, await output + await error);
    }
}
