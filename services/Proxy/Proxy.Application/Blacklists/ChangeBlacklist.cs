using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Proxy.Application.Ports;
using Proxy.Domain.Blacklists;

namespace Proxy.Application.Blacklists;

/// <summary>
/// Routes 57 and 58: domains added to (or removed from) the global list or a device's (see <see cref="GetBlacklist"/>);
/// the answer is the list as it is now.
/// </summary>
public sealed record ChangeBlacklist(Caller? Caller, string? DeviceId, IReadOnlyList<string>? Domains, bool Block) : ICommand<Result<IReadOnlyCollection<string>>>;

public sealed class ChangeBlacklistHandler(IBlacklistRepository blacklists, IProxyDevices devices) : ICommandHandler<ChangeBlacklist, Result<IReadOnlyCollection<string>>>
{
    public async ValueTask<Result<IReadOnlyCollection<string>>> Handle(ChangeBlacklist command, CancellationToken cancellationToken)
    {
        var id = await BlacklistIds.OfAsync(devices, command.Caller, command.DeviceId, cancellationToken);
        if (!id.IsSuccess) return id.Error!;
        var domains = BlacklistDomains.Read(command.Domains);
        if (!domains.IsSuccess) return domains.Error!;
        while (true)
        {
            var list = await blacklists.GetAsync(id.Value, cancellationToken);
            if (command.Block) list.Block(domains.Value);
            else list.Unblock(domains.Value);
            if (list.DomainEvents.Count == 0 || await blacklists.TrySaveAsync(list, cancellationToken))
                return Result<IReadOnlyCollection<string>>.Success(list.Domains.Names);
        }
    }
}
