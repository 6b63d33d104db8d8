using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Devices.Application.Buckets;
using Devices.Domain.Buckets;
using Platform.Api.Binding;
using Platform.Application.Paging;

namespace Devices.Api.Contracts;

/// <summary>Route 35's query: page from 1, limit 20 by default, any limit above 100 taken as 100.</summary>
public sealed record BucketPageQuery
{
    public const int DefaultLimit = 20;

    [JsonPropertyName("page"), Range(1, int.MaxValue), Saturating, DefaultValue(1), Description("1-based page.")]
    public int? Page { get; init; }

    [JsonPropertyName("limit"), Range(1, int.MaxValue), Saturating, DefaultValue(DefaultLimit), Description("Buckets per page, 20 by default; above 100 is taken as 100.")]
    public int? Limit { get; init; }

    public PageRequest ToPage() => new(Page ?? 1, Math.Min(Limit ?? DefaultLimit, PageRequest.MaxLimit));
}

/// <summary>Route 38's body.</summary>
public sealed record ReplaceBucketRequest
{
    [JsonPropertyName("data"), Required, Description("The new bucket (an object, at most 1 MiB), replacing the old; checked against the automation's bucket_schema.")]
    public JsonObject? Data { get; init; }
}

/// <summary>Route 40's body.</summary>
public sealed record ReadDeviceBucketRequest
{
    [JsonPropertyName("remote_device_id"), StringLength(36), Description("Required with a user token; an agent token names its device.")]
    public string? RemoteDeviceId { get; init; }
}

/// <summary>Route 41's body.</summary>
public sealed record MergeDeviceBucketRequest
{
    [JsonPropertyName("remote_device_id"), StringLength(36), Description("Required with a user token; an agent token names its device.")]
    public string? RemoteDeviceId { get; init; }

    [JsonPropertyName("data"), Required, Description("An object whose top-level keys are set in the bucket; the bucket's other keys stay.")]
    public JsonObject? Data { get; init; }
}

/// <summary>A job bucket in the reference's shape; <c>device_name</c> in lists only.</summary>
public sealed record JobBucketResponse
{
    [JsonPropertyName("_id")] public required string Id { get; init; }
    [JsonPropertyName("job_id")] public required string JobId { get; init; }
    [JsonPropertyName("remote_device_id")] public required string RemoteDeviceId { get; init; }
    [JsonPropertyName("data")] public required JsonObject Data { get; init; }
    [JsonPropertyName("updated_at")] public required DateTime UpdatedAt { get; init; }

    [JsonPropertyName("device_name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string? DeviceName { get; init; }

    public static JobBucketResponse From(JobBucket b, string? deviceName = null) =>
        new() { Id = b.Id, JobId = b.JobId, RemoteDeviceId = b.RemoteDeviceId, Data = b.Data, UpdatedAt = b.UpdatedAt, DeviceName = deviceName };
}

/// <summary>Route 35's answer.</summary>
public sealed record JobBucketListResponse(
    [property: JsonPropertyName("buckets")] IReadOnlyList<JobBucketResponse> Buckets,
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("pages")] long Pages)
{
    public static JobBucketListResponse From(PagedList<JobBucketView> page) => new(
        page.Items.Select(v => JobBucketResponse.From(v.Bucket, v.DeviceName ?? v.Bucket.RemoteDeviceId)).ToList(),
        page.Total, page.Page, page.Limit == 0 ? 0 : (page.Total + page.Limit - 1) / page.Limit);
}

/// <summary>Routes 37 and 38's answer.</summary>
public sealed record JobBucketEnvelope([property: JsonPropertyName("bucket")] JobBucketResponse Bucket);

/// <summary>Route 36's answer.</summary>
public sealed record WipedResponse([property: JsonPropertyName("success")] bool Success, [property: JsonPropertyName("deleted")] long Deleted);

/// <summary>Route 39's answer.</summary>
public sealed record SuccessResponse([property: JsonPropertyName("success")] bool Success);

/// <summary>Route 40's answer.</summary>
public sealed record DeviceBucketResponse([property: JsonPropertyName("deviceBucket")] JsonObject DeviceBucket);

/// <summary>Route 41's answer.</summary>
public sealed record MergedDeviceBucketResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("deviceBucket")] JsonObject DeviceBucket);
