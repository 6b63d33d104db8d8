using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Proxy.Application.Ports;
using Proxy.Domain.Connections;

namespace Proxy.Application.Connections;

/// <summary>Route 25: the connection is gone; the nodes end its open sessions.</summary>
public sealed record DeleteConnection(Caller Caller, string ConnectionId) : ICommand<Result<ProxyConnection>>;

public sealed class DeleteConnectionHandler(IConnectionRepository connections, IProxyDevices devices) : ICommandHandler<DeleteConnection, Result<ProxyConnection>>
{
    public async ValueTask<Result<ProxyConnection>> Handle(DeleteConnection command, CancellationToken cancellationToken) =>
        await connections.ChangeAsync(devices, command.Caller, command.ConnectionId, c => c.Delete(), cancellationToken);
}
