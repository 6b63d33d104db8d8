using Platform.Application;
using Platform.Application.Results;
using Proxy.Application.Ports;
using Proxy.Domain.Connections;

namespace Proxy.Application.Connections;

/// <summary>
/// Who may act on a connection: its creator, or the owner of the device it is routed through. Anyone else gets 403
/// (the reference's answer); a connection that doesn't exist, 404.
/// </summary>
public static class ConnectionAccess
{
    public const string NotFound = "Connection not found";
    public const string Forbidden = "Connection not owned by you or routed through a device you own";
    public const string DeviceNotFound = "Device not found";

    public static async Task<Result<ProxyConnection>> AccessibleAsync(this IConnectionRepository connections, IProxyDevices devices, Caller caller,
        string connectionId, CancellationToken cancellationToken)
    {
        var connection = Guid.TryParse(connectionId, out var id) ? await connections.GetAsync(id.ToString(), cancellationToken) : null;
        if (connection is null) return Error.NotFound(NotFound);
        if (connection.OwnerUserId == caller.UserId) return connection;
        return connection.DeviceId is { } deviceId && await devices.GetAsync(deviceId, cancellationToken) is { } device && device.IsOwnedBy(caller.UserId)
            ? connection
            : Error.Forbidden(Forbidden);
    }

    /// <summary>A device the caller owns, by any spelling of its UUID; null otherwise.</summary>
    public static async Task<Domain.Devices.ProxyDevice?> OwnedDeviceAsync(this IProxyDevices devices, Caller caller, string? deviceId,
        CancellationToken cancellationToken) =>
        Guid.TryParse(deviceId, out var id) && await devices.GetAsync(id.ToString(), cancellationToken) is { } device && device.IsOwnedBy(caller.UserId)
            ? device
            : null;

    /// <summary>
    /// Applies <paramref name="change"/> to the connection as stored and saves it, reading it again when another write
    /// came first. The connection as saved, or the refusal.
    /// </summary>
    public static async Task<Result<ProxyConnection>> ChangeAsync(this IConnectionRepository connections, IProxyDevices devices, Caller caller,
        string connectionId, Action<ProxyConnection> change, CancellationToken cancellationToken)
    {
        var found = await connections.AccessibleAsync(devices, caller, connectionId, cancellationToken);
        return found.IsSuccess ? await connections.ChangeAsync(devices, caller, found.Value, change, cancellationToken) : found;
    }

    /// <summary>As above, starting from <paramref name="read"/>, the connection as the caller has just read it (no second read).</summary>
    public static async Task<Result<ProxyConnection>> ChangeAsync(this IConnectionRepository connections, IProxyDevices devices, Caller caller,
        ProxyConnection read, Action<ProxyConnection> change, CancellationToken cancellationToken)
    {
        var connection = read;
        while (true)
        {
            change(connection);
            if (connection.DomainEvents.Count == 0 || await connections.TrySaveAsync(connection, cancellationToken)) return connection;
            var again = await connections.AccessibleAsync(devices, caller, read.Id, cancellationToken);
            if (!again.IsSuccess) return again;
            connection = again.Value;
        }
    }
}
