using System.Diagnostics;

/// <summary>Whether a container engine answers here (PLATFORM_CONTAINERS=true/false overrides the probe).</summary>
internal static class ContainerRuntime
{
    public static bool IsAvailable(string? setting)
    {
        if (bool.TryParse(setting, out var forced)) return forced;
        foreach (var cli in new[] { "docker", "podman" })
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(cli, "info")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                });
                if (process is null) continue;
                if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
                {
                    process.Kill(entireProcessTree: true);
                    continue;
                }
                if (process.ExitCode == 0) return true;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not installed
            }
        }
        return false;
    }
}
