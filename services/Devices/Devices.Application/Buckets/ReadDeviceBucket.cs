using System.Text.Json.Nodes;
using Devices.Application.Ports;
using Mediator;
using Platform.Application;
using Platform.Application.Results;

namespace Devices.Application.Buckets;

/// <summary>Route 40: the caller's bucket on the device (see <see cref="BucketAccess"/>), <c>{}</c> before its first write.</summary>
public sealed record ReadDeviceBucket(Caller Caller, string? RemoteDeviceId) : IQuery<Result<JsonObject>>;

public sealed class ReadDeviceBucketHandler(BucketAccess access, IBucketStore buckets) : IQueryHandler<ReadDeviceBucket, Result<JsonObject>>
{
    public async ValueTask<Result<JsonObject>> Handle(ReadDeviceBucket query, CancellationToken cancellationToken)
    {
        var bucket = await access.DeviceAsync(query.Caller, query.RemoteDeviceId, cancellationToken);
        if (!bucket.IsSuccess) return bucket.Error!;
        return (await buckets.GetDeviceBucketAsync(bucket.Value, cancellationToken)).Data;
    }
}
