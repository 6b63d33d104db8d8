using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Proxy.Application.Connections;
using Proxy.Application.Ports;
using Proxy.Domain.Blacklists;

namespace Proxy.Application.Blacklists;

/// <summary>
/// The blacklists beyond a connection's own: the global one (route 57, for the admins; the caller is checked at the
/// edge) and a device's (route 58, its owner's, for every connection through the device; anyone else: 404).
/// <paramref name="DeviceId"/> null: the global list.
/// </summary>
public sealed record GetBlacklist(Caller? Caller, string? DeviceId) : IQuery<Result<IReadOnlyCollection<string>>>;

public sealed class GetBlacklistHandler(IBlacklistRepository blacklists, IProxyDevices devices) : IQueryHandler<GetBlacklist, Result<IReadOnlyCollection<string>>>
{
    public async ValueTask<Result<IReadOnlyCollection<string>>> Handle(GetBlacklist query, CancellationToken cancellationToken)
    {
        var id = await BlacklistIds.OfAsync(devices, query.Caller, query.DeviceId, cancellationToken);
        if (!id.IsSuccess) return id.Error!;
        return Result<IReadOnlyCollection<string>>.Success((await blacklists.GetAsync(id.Value, cancellationToken)).Domains.Names);
    }
}
