using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Proxy.Application.Connections;
using Proxy.Application.Ports;

namespace Proxy.Application.Blacklists;

/// <summary>
/// Routes 30 and 31: domains added to (or removed from) a connection's own blacklist; the answer is the list as it is
/// now. Blocking a name blocks every name under it, on the nodes, for new sessions.
/// </summary>
public sealed record ChangeConnectionBlacklist(Caller Caller, string ConnectionId, IReadOnlyList<string>? Domains, bool Block)
    : ICommand<Result<IReadOnlyCollection<string>>>;

public sealed class ChangeConnectionBlacklistHandler(IConnectionRepository connections, IProxyDevices devices)
    : ICommandHandler<ChangeConnectionBlacklist, Result<IReadOnlyCollection<string>>>
{
    public async ValueTask<Result<IReadOnlyCollection<string>>> Handle(ChangeConnectionBlacklist command, CancellationToken cancellationToken)
    {
        var found = await connections.AccessibleAsync(devices, command.Caller, command.ConnectionId, cancellationToken);
        if (!found.IsSuccess) return found.Error!;
        var domains = BlacklistDomains.Read(command.Domains);
        if (!domains.IsSuccess) return domains.Error!;
        var changed = await connections.ChangeAsync(devices, command.Caller, found.Value, c =>
        {
            if (command.Block) c.Block(domains.Value);
            else c.Unblock(domains.Value);
        }, cancellationToken);
        return changed.IsSuccess ? Result<IReadOnlyCollection<string>>.Success(changed.Value.Blacklist.Names) : changed.Error!;
    }
}
