using System.Text.Json;

namespace DeviceAgent;

/// <summary>A device the simulator registered: what it signs in with. Kept in the state file, so a second run reuses it.</summary>
public sealed record SavedDevice(string RemoteDeviceId, string Name, string DeviceSecret);

/// <summary>
/// The owner's simulated phones: those the state file remembers (and the platform still knows), and new ones up to the
/// count asked for, listed on the market unless asked not to (<c>--market false</c>: they run their owner's jobs only).
/// </summary>
public static class Fleet
{
    public static async Task<IReadOnlyList<SavedDevice>> PrepareAsync(PlatformApi api, Session owner, AgentOptions options, EventLog log,
        CancellationToken cancellationToken)
    {
        var known = await api.DeviceIdsAsync(owner, cancellationToken);
        var saved = Load(options.StateFile).Where(d => known.Contains(d.RemoteDeviceId)).ToList();
        foreach (var device in saved.Take(options.Devices)) log.Write(device.Name, $"reused ({device.RemoteDeviceId})");
        while (saved.Count < options.Devices)
        {
            var device = await api.RegisterAsync(owner, options.Country, cancellationToken);
            saved.Add(device);
            Save(options.StateFile, saved);
            log.Write(device.Name, $"registered ({device.RemoteDeviceId})");
        }
        var fleet = saved.Take(options.Devices).ToList();
        foreach (var device in fleet.Where(_ => options.Market))
        {
            await api.ListOnMarketAsync(owner, device.RemoteDeviceId, cancellationToken);
            log.Write(device.Name, "listed on the market (action payment)");
        }
        return fleet;
    }

    private static List<SavedDevice> Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<List<SavedDevice>>(File.ReadAllText(path)) ?? [] : [];

    private static void Save(string path, List<SavedDevice> devices)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(devices));
    }
}
