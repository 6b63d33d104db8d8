using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Proxy.Application.Ports;
using Proxy.Domain.Connections;

namespace Proxy.Application.Connections;

/// <summary>Route 27: new sessions exit through another device the caller owns (the hot-swap; open sessions stay where they are).</summary>
public sealed record RouteConnection(Caller Caller, string ConnectionId, string DeviceId) : ICommand<Result<ProxyConnection>>;

public sealed class RouteConnectionHandler(IConnectionRepository connections, IProxyDevices devices) : ICommandHandler<RouteConnection, Result<ProxyConnection>>
{
    public const string TargetNotOwned = "The target device is not one you own";

    public async ValueTask<Result<ProxyConnection>> Handle(RouteConnection command, CancellationToken cancellationToken)
    {
        // The caller must own both: the connection (or its device) and the device it moves to.
        var found = await connections.AccessibleAsync(devices, command.Caller, command.ConnectionId, cancellationToken);
        if (!found.IsSuccess) return found;
        if (await devices.OwnedDeviceAsync(command.Caller, command.DeviceId, cancellationToken) is not { } target) return Error.Forbidden(TargetNotOwned);
        return await connections.ChangeAsync(devices, command.Caller, found.Value, c => c.RouteThrough(target.Id), cancellationToken);
    }
}
