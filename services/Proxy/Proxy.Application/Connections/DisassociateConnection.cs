using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Proxy.Application.Ports;
using Proxy.Domain.Connections;

namespace Proxy.Application.Connections;

/// <summary>Route 28: no device; the credential authenticates nothing until one is set, and open sessions end.</summary>
public sealed record DisassociateConnection(Caller Caller, string ConnectionId) : ICommand<Result<ProxyConnection>>;

public sealed class DisassociateConnectionHandler(IConnectionRepository connections, IProxyDevices devices)
    : ICommandHandler<DisassociateConnection, Result<ProxyConnection>>
{
    public async ValueTask<Result<ProxyConnection>> Handle(DisassociateConnection command, CancellationToken cancellationToken) =>
        await connections.ChangeAsync(devices, command.Caller, command.ConnectionId, c => c.Disassociate(), cancellationToken);
}
