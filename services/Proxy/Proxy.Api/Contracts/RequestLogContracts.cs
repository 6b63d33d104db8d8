using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Serialization;
using Platform.Api.Binding;
using Proxy.Application.Ports;
using Proxy.Application.RequestLog;

namespace Proxy.Api.Contracts;

/// <summary>Route 32's query.</summary>
public sealed record RequestLogQuery
{
    [JsonPropertyName("from"), Required, StringLength(40), Description("Inclusive lower bound on timestamp (ISO 8601, e.g. 2026-04-25T00:00:00Z).")]
    public string? From { get; init; }

    [JsonPropertyName("to"), Required, StringLength(40), Description("Inclusive upper bound on timestamp (ISO 8601).")]
    public string? To { get; init; }

    [JsonPropertyName("connectionId"), StringLength(36), Description("Only this connection's attempts.")]
    public string? ConnectionId { get; init; }

    [JsonPropertyName("deviceId"), StringLength(36), Description("Only this device's attempts; it must be yours (another's is a 403).")]
    public string? DeviceId { get; init; }

    [JsonPropertyName("target"), StringLength(SearchRequestLog.MaxTargetLength), Description("Substring of the target (host:port).")]
    public string? Target { get; init; }

    [JsonPropertyName("action"), OneOf("allowed", "blocked"), Description("allowed, or blocked (a blacklist, the session limit or an unreachable device; blockReason says which).")]
    public string? Action { get; init; }

    [JsonPropertyName("limit"), Range(1, SearchRequestLog.MaxLimit), DefaultValue(SearchRequestLog.DefaultLimit), Description("Page size, 100 by default, at most 10000.")]
    public int? Limit { get; init; }

    [JsonPropertyName("offset"), Range(0, int.MaxValue), DefaultValue(0), Description("0-based offset of the page.")]
    public int? Offset { get; init; }
}

/// <summary>Route 33's query.</summary>
public sealed record BandwidthQuery
{
    [JsonPropertyName("deviceId"), StringLength(36), Description("Only this device (yours; another's is a 403); left out, every device you own.")]
    public string? DeviceId { get; init; }

    [JsonPropertyName("connectionId"), StringLength(36), Description("Only this connection.")]
    public string? ConnectionId { get; init; }

    [JsonPropertyName("from"), StringLength(40), Description("Inclusive lower bound (ISO 8601).")]
    public string? From { get; init; }

    [JsonPropertyName("to"), StringLength(40), Description("Inclusive upper bound (ISO 8601).")]
    public string? To { get; init; }

    [JsonPropertyName("groupBy"), OneOf("hour", "day"), Description("Time buckets (UTC): the rows then carry bucket, their start.")]
    public string? GroupBy { get; init; }
}

public static class WireTime
{
    /// <summary>The reference's timestamps: UTC, to the second, with a Z.</summary>
    public static string Of(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

public sealed record RequestLogEntryResponse(
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("connectionId")] string ConnectionId,
    [property: JsonPropertyName("deviceId")] string DeviceId,
    [property: JsonPropertyName("serverNode")] string ServerNode,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("targetType")] string TargetType,
    [property: JsonPropertyName("port")] int Port,
    [property: JsonPropertyName("resolvedIp")] string ResolvedIp,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("blockReason")] string? BlockReason,
    [property: JsonPropertyName("bytesIn")] long BytesIn,
    [property: JsonPropertyName("bytesOut")] long BytesOut)
{
    public static RequestLogEntryResponse From(RequestLogEntry e) => new(WireTime.Of(e.Timestamp), e.ConnectionId, e.DeviceId, e.ServerNode, e.Target,
        e.TargetType, e.Port, e.ResolvedIp, e.Action == LogAction.Allowed ? "allowed" : "blocked", e.BlockReason, e.BytesIn, e.BytesOut);
}

public sealed record RequestLogResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("entries")] IReadOnlyList<RequestLogEntryResponse> Entries);

public sealed record BandwidthRowResponse(
    [property: JsonPropertyName("deviceId")] string DeviceId,
    [property: JsonPropertyName("connectionId")] string ConnectionId,
    [property: JsonPropertyName("bytesIn")] long BytesIn,
    [property: JsonPropertyName("bytesOut")] long BytesOut,
    [property: JsonPropertyName("bucket"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Bucket)
{
    public static BandwidthRowResponse From(BandwidthRow r) =>
        new(r.DeviceId, r.ConnectionId, r.BytesIn, r.BytesOut, r.Bucket is { } bucket ? WireTime.Of(bucket) : null);
}

public sealed record BandwidthResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("rows")] IReadOnlyList<BandwidthRowResponse> Rows);

public sealed record AdminDeviceResponse(
    [property: JsonPropertyName("remote_device_id")] string RemoteDeviceId,
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("brand")] string Brand,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("country")] string Country,
    [property: JsonPropertyName("online")] bool Online,
    [property: JsonPropertyName("is_rented")] bool IsRented,
    [property: JsonPropertyName("is_onMarket")] bool IsOnMarket);

public sealed record AdminProxyResponse(
    [property: JsonPropertyName("connection_id")] string ConnectionId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("created_at")] string CreatedAt,
    [property: JsonPropertyName("bytes_last_24h")] long BytesLast24Hours,
    [property: JsonPropertyName("bytes_lifetime")] long BytesLifetime,
    [property: JsonPropertyName("device")] AdminDeviceResponse? Device)
{
    public static AdminProxyResponse From(AdminConnectionView view, string password) => new(view.Connection.Id, view.Connection.Name, password,
        WireTime.Of(new DateTimeOffset(DateTime.SpecifyKind(view.Connection.CreatedAt, DateTimeKind.Utc))), view.Traffic.BytesLast24Hours,
        view.Traffic.BytesLifetime, view.Device is { } d
            ? new AdminDeviceResponse(d.Id, d.OwnerId, d.Name, d.Brand, d.Model, d.Country, d.Online, d.RenterId is not null, d.IsOnMarket)
            : null);
}

public sealed record AdminProxiesResponse(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("proxies")] IReadOnlyList<AdminProxyResponse> Proxies);
