using Mediator;
using Platform.Api;
using Proxy.Application.Nodes;

namespace Proxy.Api.Endpoints;

/// <summary>
/// The proxy nodes' snapshot (not behind the gateway; the node token): every connection and blacklist as the changes
/// the nodes hear describe them, a page at a time (<c>after</c> the last page's <c>next</c>).
/// </summary>
public static class NodeStateEndpoints
{
    public const string Path = "/internal/node-state";

    public static IEndpointRouteBuilder MapNodeStateEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (string? after, int? limit, ISender mediator, CancellationToken ct) =>
                (await mediator.Send(new GetNodeState(string.IsNullOrEmpty(after) ? null : after, limit ?? 1000), ct)).ToHttp(Results.Ok))
            .RequireNodeToken().ExcludeFromDescription();
        return app;
    }
}
