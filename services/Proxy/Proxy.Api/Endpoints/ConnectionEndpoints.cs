using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Platform.Api;
using Platform.Api.Binding;
using Platform.Application.Results;
using Proxy.Api.Contracts;
using Proxy.Application.Blacklists;
using Proxy.Application.Connections;
using Proxy.Domain.Connections;

namespace Proxy.Api.Endpoints;

/// <summary>Routes 23–31: proxy connections and their own blacklists. Each binds its contract, sends one use case and maps the result.</summary>
public static class ConnectionEndpoints
{
    public static IEndpointRouteBuilder MapConnectionEndpoints(this IEndpointRouteBuilder app)
    {
        var connections = app.MapGroup("/api/v1/proxy/connections").WithTags("Proxy");
        connections.MapGet("", List).WithName("ListProxyConnections").Produces<ConnectionListResponse>()
            .WithSummary("Connections you created or that are routed through a device you own, passwords in plain text.");
        connections.MapPost("", Create).WithName("CreateProxyConnection")
            .Produces<ConnectionEnvelope>().Produces<SuccessErrorBody>(400).Produces<SuccessErrorBody>(404)
            .WithSummary("A new credential (connectionId, a UUID, is the SOCKS5 user name; a 16-character password) routed through a device you own. Save the password.");
        connections.MapDelete("/{connection_id}", Delete).WithName("DeleteProxyConnection")
            .Produces<DoneResponse>().Produces<SuccessErrorBody>(403).Produces<SuccessErrorBody>(404)
            .WithSummary("Delete the connection; its open sessions end.");
        connections.MapPost("/{connection_id}/rotate-password", Rotate).WithName("RotateProxyPassword")
            .Produces<PasswordResponse>().Produces<SuccessErrorBody>(403).Produces<SuccessErrorBody>(404)
            .WithSummary("A new password, same connectionId; open sessions go on.");
        connections.MapPut("/{connection_id}/device", Route).WithName("SwapProxyDevice")
            .Produces<ConnectionEnvelope>().Produces<SuccessErrorBody>(400).Produces<SuccessErrorBody>(403).Produces<SuccessErrorBody>(404)
            .WithSummary("Hot-swap: new sessions exit through another device you own (within ~100 ms); open sessions stay where they are.");
        connections.MapDelete("/{connection_id}/device", Disassociate).WithName("RemoveProxyDevice")
            .Produces<ConnectionEnvelope>().Produces<SuccessErrorBody>(403).Produces<SuccessErrorBody>(404)
            .WithSummary("No device: the credential authenticates nothing until one is set again; open sessions end.");
        connections.MapGet("/{connection_id}/blacklist", Blacklist).WithName("GetProxyConnectionBlacklist")
            .Produces<DomainsResponse>().Produces<SuccessErrorBody>(403).Produces<SuccessErrorBody>(404)
            .WithSummary("The connection's own blocked domains (the device's and the global list apply too).");
        connections.MapPost("/{connection_id}/blacklist", (string connection_id, Body<DomainsRequest> body, ClaimsPrincipal principal, ISender mediator,
                CancellationToken ct) => ChangeBlacklist(connection_id, body, principal, mediator, block: true, ct)).WithName("BlockProxyDomains")
            .Produces<DomainsResponse>().Produces<SuccessErrorBody>(400).Produces<SuccessErrorBody>(403).Produces<SuccessErrorBody>(404)
            .WithSummary("Block domains for this connection; each blocks every name under it.");
        connections.MapDelete("/{connection_id}/blacklist", (string connection_id, Body<DomainsRequest> body, ClaimsPrincipal principal, ISender mediator,
                CancellationToken ct) => ChangeBlacklist(connection_id, body, principal, mediator, block: false, ct)).WithName("UnblockProxyDomains")
            .Produces<DomainsResponse>().Produces<SuccessErrorBody>(400).Produces<SuccessErrorBody>(403).Produces<SuccessErrorBody>(404)
            .WithSummary("Unblock domains for this connection (JSON body domains).");
        return app;
    }

    private static async Task<IResult> List(ClaimsPrincipal principal, ISender mediator, ConnectionPasswords passwords, CancellationToken ct)
    {
        var result = await mediator.Send(new ListConnections(principal.ToCaller()), ct);
        return result.IsSuccess
            ? Results.Ok(new ConnectionListResponse(true, result.Value.Select(c => ConnectionResponse.From(c, passwords.Reveal(c.ProtectedPassword))).ToList()))
            : result.Error!.ToSuccessHttp();
    }

    private static async Task<IResult> Create(Body<CreateConnectionRequest> body, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var r, out var refusal, ErrorResponses.ToSuccessHttp)) return refusal;
        var result = await mediator.Send(new CreateConnection(principal.ToCaller(), r.DeviceId!, r.Name), ct);
        return result.IsSuccess ? Results.Ok(new ConnectionEnvelope(true, ConnectionResponse.From(result.Value.Connection, result.Value.Password))) : result.Error!.ToSuccessHttp();
    }

    private static async Task<IResult> Delete([FromRoute(Name = "connection_id")] string connectionId, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new DeleteConnection(principal.ToCaller(), connectionId), ct);
        return result.IsSuccess ? Results.Ok(new DoneResponse(true)) : result.Error!.ToSuccessHttp();
    }

    private static async Task<IResult> Rotate([FromRoute(Name = "connection_id")] string connectionId, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new RotateConnectionPassword(principal.ToCaller(), connectionId), ct);
        return result.IsSuccess ? Results.Ok(new PasswordResponse(true, result.Value)) : result.Error!.ToSuccessHttp();
    }

    private static async Task<IResult> Route([FromRoute(Name = "connection_id")] string connectionId, Body<RouteConnectionRequest> body, ClaimsPrincipal principal,
        ISender mediator, ConnectionPasswords passwords, CancellationToken ct)
    {
        if (!body.TryRead(out var r, out var refusal, ErrorResponses.ToSuccessHttp)) return refusal;
        return Shown(await mediator.Send(new RouteConnection(principal.ToCaller(), connectionId, r.DeviceId!), ct), passwords);
    }

    private static async Task<IResult> Disassociate([FromRoute(Name = "connection_id")] string connectionId, ClaimsPrincipal principal, ISender mediator,
        ConnectionPasswords passwords, CancellationToken ct) =>
        Shown(await mediator.Send(new DisassociateConnection(principal.ToCaller(), connectionId), ct), passwords);

    private static async Task<IResult> Blacklist([FromRoute(Name = "connection_id")] string connectionId, ClaimsPrincipal principal, ISender mediator, CancellationToken ct) =>
        Domains(await mediator.Send(new GetConnectionBlacklist(principal.ToCaller(), connectionId), ct));

    private static async Task<IResult> ChangeBlacklist(string connectionId, Body<DomainsRequest> body, ClaimsPrincipal principal, ISender mediator, bool block,
        CancellationToken ct)
    {
        if (!body.TryRead(out var r, out var refusal, ErrorResponses.ToSuccessHttp)) return refusal;
        return Domains(await mediator.Send(new ChangeConnectionBlacklist(principal.ToCaller(), connectionId, r.Domains, block), ct));
    }

    private static IResult Shown(Result<ProxyConnection> result, ConnectionPasswords passwords) =>
        result.IsSuccess
            ? Results.Ok(new ConnectionEnvelope(true, ConnectionResponse.From(result.Value, passwords.Reveal(result.Value.ProtectedPassword))))
            : result.Error!.ToSuccessHttp();

    internal static IResult Domains(Result<IReadOnlyCollection<string>> result) =>
        result.IsSuccess ? Results.Ok(new DomainsResponse(true, result.Value)) : result.Error!.ToSuccessHttp();
}
