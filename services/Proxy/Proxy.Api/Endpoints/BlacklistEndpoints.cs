using System.Security.Claims;
using Mediator;
using Platform.Api;
using Platform.Api.Binding;
using Proxy.Api.Contracts;
using Proxy.Application.Blacklists;

namespace Proxy.Api.Endpoints;

/// <summary>Routes 57 and 58: the global blacklist (admin token) and a device's (its owner's), beside each connection's own.</summary>
public static class BlacklistEndpoints
{
    public static IEndpointRouteBuilder MapBlacklistEndpoints(this IEndpointRouteBuilder app)
    {
        var global = app.MapGroup("/api/v1/admin/proxy/blacklist").WithTags("Proxy").RequireAdminToken();
        global.MapGet("", async (ISender mediator, CancellationToken ct) => ConnectionEndpoints.Domains(await mediator.Send(new GetBlacklist(null, null), ct)))
            .WithName("GetGlobalProxyBlacklist").Produces<DomainsResponse>().Produces<ErrorBody>(401).Produces<ErrorBody>(503)
            .WithSummary("The global blacklist, for every connection (X-Admin-Token).");
        global.MapPost("", (Body<DomainsRequest> body, ISender mediator, CancellationToken ct) => Change(null, null, body, mediator, block: true, ct))
            .WithName("BlockGlobalProxyDomains").Produces<DomainsResponse>().Produces<SuccessErrorBody>(400).Produces<ErrorBody>(401).Produces<ErrorBody>(503)
            .WithSummary("Block domains for every connection (X-Admin-Token).");
        global.MapDelete("", (Body<DomainsRequest> body, ISender mediator, CancellationToken ct) => Change(null, null, body, mediator, block: false, ct))
            .WithName("UnblockGlobalProxyDomains").Produces<DomainsResponse>().Produces<SuccessErrorBody>(400).Produces<ErrorBody>(401).Produces<ErrorBody>(503)
            .WithSummary("Unblock domains of the global list (X-Admin-Token).");

        var device = app.MapGroup("/api/v1/devices/{remote_device_id}/proxy-blacklist").WithTags("Proxy");
        device.MapGet("", async (string remote_device_id, ClaimsPrincipal principal, ISender mediator, CancellationToken ct) =>
                ConnectionEndpoints.Domains(await mediator.Send(new GetBlacklist(principal.ToCaller(), remote_device_id), ct)))
            .WithName("GetDeviceProxyBlacklist").Produces<DomainsResponse>().Produces<SuccessErrorBody>(404)
            .WithSummary("Your device's blacklist, for every connection through it.");
        device.MapPost("", (string remote_device_id, Body<DomainsRequest> body, ClaimsPrincipal principal, ISender mediator, CancellationToken ct) =>
                Change(principal, remote_device_id, body, mediator, block: true, ct))
            .WithName("BlockDeviceProxyDomains").Produces<DomainsResponse>().Produces<SuccessErrorBody>(400).Produces<SuccessErrorBody>(404)
            .WithSummary("Block domains for every connection through your device.");
        device.MapDelete("", (string remote_device_id, Body<DomainsRequest> body, ClaimsPrincipal principal, ISender mediator, CancellationToken ct) =>
                Change(principal, remote_device_id, body, mediator, block: false, ct))
            .WithName("UnblockDeviceProxyDomains").Produces<DomainsResponse>().Produces<SuccessErrorBody>(400).Produces<SuccessErrorBody>(404)
            .WithSummary("Unblock domains of your device's list.");
        return app;
    }

    private static async Task<IResult> Change(ClaimsPrincipal? principal, string? deviceId, Body<DomainsRequest> body, ISender mediator, bool block, CancellationToken ct)
    {
        if (!body.TryRead(out var r, out var refusal, ErrorResponses.ToSuccessHttp)) return refusal;
        return ConnectionEndpoints.Domains(await mediator.Send(new ChangeBlacklist(principal?.ToCaller(), deviceId, r.Domains, block), ct));
    }
}
