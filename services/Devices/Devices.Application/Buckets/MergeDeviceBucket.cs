using System.Text.Json.Nodes;
using Devices.Application.Ports;
using Devices.Domain.Buckets;
using Mediator;
using Platform.Application;
using Platform.Application.Results;

namespace Devices.Application.Buckets;

/// <summary>
/// Route 41: sets the payload's top-level keys in the caller's bucket on the device (see <see cref="BucketAccess"/>), keeping the others. A conditional write: two
/// merges of different keys at once both survive (the later one reads again and merges over the earlier). A bucket
/// that would pass 1 MiB is refused (413) and left as it was.
/// </summary>
public sealed record MergeDeviceBucket(Caller Caller, string? RemoteDeviceId, JsonObject Data) : ICommand<Result<JsonObject>>;

public sealed class MergeDeviceBucketHandler(BucketAccess access, IBucketStore buckets, TimeProvider clock) : ICommandHandler<MergeDeviceBucket, Result<JsonObject>>
{
    public async ValueTask<Result<JsonObject>> Handle(MergeDeviceBucket command, CancellationToken cancellationToken)
    {
        var bucket = await access.DeviceAsync(command.Caller, command.RemoteDeviceId, cancellationToken);
        if (!bucket.IsSuccess) return bucket.Error!;
        while (true)
        {
            var stored = await buckets.GetDeviceBucketAsync(bucket.Value, cancellationToken);
            var merged = BucketData.Merge(stored.Data, command.Data);
            if (!BucketData.FitsIn(merged)) return Error.TooLarge(BucketData.TooLarge);
            if (await buckets.TryWriteDeviceBucketAsync(bucket.Value, merged, stored.Version, clock.GetUtcNow().UtcDateTime, cancellationToken)) return merged;
        }
    }
}
