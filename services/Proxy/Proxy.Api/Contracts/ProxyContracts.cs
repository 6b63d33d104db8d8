using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Proxy.Domain.Connections;

namespace Proxy.Api.Contracts;

/// <summary>Route 24's body.</summary>
public sealed record CreateConnectionRequest
{
    [JsonPropertyName("device_id"), Required, StringLength(64), Description("The device (its remote_device_id) new sessions exit through; one you own.")]
    public string? DeviceId { get; init; }

    [JsonPropertyName("name"), StringLength(ProxyConnection.MaxNameLength), Description("A label for the connection (cosmetic).")]
    public string? Name { get; init; }
}

/// <summary>Route 27's body.</summary>
public sealed record RouteConnectionRequest
{
    [JsonPropertyName("device_id"), Required, StringLength(64), Description("The device new sessions exit through from now on; one you own.")]
    public string? DeviceId { get; init; }
}

/// <summary>The blacklist routes' body.</summary>
public sealed record DomainsRequest
{
    [JsonPropertyName("domains"), Required, MaxLength(1000), Description("Domain names; each blocks itself and every name under it.")]
    public IReadOnlyList<string>? Domains { get; init; }
}

/// <summary>A connection as the reference shows it, password in plain text (its owner's to see).</summary>
public sealed record ConnectionResponse(
    [property: JsonPropertyName("connectionId")] string ConnectionId,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("ownerUserId")] string OwnerUserId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("createdAt")] DateTime CreatedAt,
    [property: JsonPropertyName("deviceId")] string? DeviceId)
{
    public static ConnectionResponse From(ProxyConnection c, string password) => new(c.Id, password, c.OwnerUserId, c.Name, c.CreatedAt, c.DeviceId);
}

public sealed record ConnectionListResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("connections")] IReadOnlyList<ConnectionResponse> Connections);

public sealed record ConnectionEnvelope(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("connection")] ConnectionResponse Connection);

public sealed record PasswordResponse([property: JsonPropertyName("success")] bool Success, [property: JsonPropertyName("password")] string Password);

public sealed record DomainsResponse([property: JsonPropertyName("success")] bool Success, [property: JsonPropertyName("domains")] IReadOnlyCollection<string> Domains);

public sealed record DoneResponse([property: JsonPropertyName("success")] bool Success);
