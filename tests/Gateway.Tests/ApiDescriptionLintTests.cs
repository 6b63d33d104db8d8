using System.Diagnostics;
using System.Text.Json.Nodes;
using Platform.Testing;

namespace Gateway.Tests;

/// <summary>
/// The published API description (docs/openapi.json, which the end-to-end suite proves is what the gateway serves)
/// passes Redocly's recommended rules without an error. Redocly CLI comes from npm into .tools/ (./platform installs
/// it; this test does too when it is missing).
/// </summary>
public sealed class ApiDescriptionLintTests
{
    public const string RedoclyVersion = "2.77.0";

    [Fact]
    public async Task The_published_description_lints_without_errors()
    {
        var redocly = await EnsureRedoclyAsync();

        var (exit, output, messages) = await RunAsync(redocly, $"lint \"{Repository.PathOf("docs", "openapi.json")}\" --format=json");

        var report = JsonNode.Parse(output)!;
        var errors = report["problems"]!.AsArray().Where(p => p!["severity"]!.GetValue<string>() == "error")
            .Select(p => $"{p!["ruleId"]}: {p["message"]} at {p["location"]?[0]?["pointer"]}").ToList();
        errors.Should().BeEmpty();
        report["totals"]!["errors"]!.GetValue<int>().Should().Be(0);
        exit.Should().Be(0, messages);
    }

    private static async Task<string> EnsureRedoclyAsync()
    {
        var tools = Repository.PathOf(".tools");
        var redocly = Path.Combine(tools, "node_modules", ".bin", "redocly");
        if (File.Exists(redocly)) return redocly;
        var (exit, output, messages) = await RunAsync("npm", $"install --prefix \"{tools}\" --no-audit --no-fund --loglevel=error @redocly/cli@{RedoclyVersion}");
        exit.Should().Be(0, $"npm installs Redocly CLI: {output}{messages}");
        return redocly;
    }

    private static async Task<(int Exit, string Output, string Messages)> RunAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
