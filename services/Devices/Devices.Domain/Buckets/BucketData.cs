using System.Text;
using System.Text.Json.Nodes;

namespace Devices.Domain.Buckets;

/// <summary>
/// A bucket's payload: a JSON object automations keep state in (per job and device, or per device). At most
/// <see cref="MaxBytes"/> as UTF-8 JSON; a device bucket merges top-level keys, a job bucket is replaced whole.
/// </summary>
public static class BucketData
{
    public const int MaxBytes = 1024 * 1024;

    public static int SizeOf(JsonObject data) => Encoding.UTF8.GetByteCount(data.ToJsonString());

    public static bool FitsIn(JsonObject data) => SizeOf(data) <= MaxBytes;

    /// <summary>The stored object with <paramref name="patch"/>'s top-level keys set over it (the stored one is not changed).</summary>
    public static JsonObject Merge(JsonObject stored, JsonObject patch)
    {
        var merged = stored.DeepClone().AsObject();
        foreach (var (key, value) in patch) merged[key] = value?.DeepClone();
        return merged;
    }

    public static string TooLarge => $"A bucket's data is at most {MaxBytes} bytes (1 MiB) as JSON";
}

/// <summary>The per-(job, device) bucket: its id, what it holds and when it was last written.</summary>
public sealed record JobBucket(string Id, string JobId, string RemoteDeviceId, JsonObject Data, DateTime UpdatedAt);

/// <summary>What Devices knows of a job, for its buckets: the owner, the shares, and the automation's bucket schema.</summary>
public sealed record BucketJob(string JobId, string OwnerId, string? AutomationId, IReadOnlyList<Platform.Domain.InputField>? BucketSchema,
    IReadOnlyDictionary<string, string> Shares)
{
    public const string View = "view";
    public const string Edit = "edit";

    /// <summary>The owner reads and writes; a view share reads; an edit share reads and writes.</summary>
    public bool Allows(string userId, bool write) =>
        userId == OwnerId || (Shares.TryGetValue(userId, out var permission) && (permission == Edit || (!write && permission == View)));
}
