using System.Security.Claims;
using Mediator;
using Platform.Api;
using Platform.Api.Binding;
using Proxy.Api.Contracts;
using Proxy.Application.Connections;
using Proxy.Application.RequestLog;

namespace Proxy.Api.Endpoints;

/// <summary>Routes 32–34: the request log the proxy nodes write (ClickHouse), its bandwidth sums, and every connection for the admins.</summary>
public static class RequestLogEndpoints
{
    public static IEndpointRouteBuilder MapRequestLogEndpoints(this IEndpointRouteBuilder app)
    {
        var proxy = app.MapGroup("/api/v1/proxy").WithTags("Proxy");
        proxy.MapGet("/logs", Logs).WithName("GetProxyRequestLog")
            .Produces<RequestLogResponse>().Produces<SuccessErrorBody>(400).Produces<SuccessErrorBody>(403).Produces<SuccessErrorBody>(502).Produces<SuccessErrorBody>(503)
            .WithSummary("One entry per SOCKS5 / HTTP CONNECT attempt through your devices, newest first: from and to (ISO 8601) required.");
        proxy.MapGet("/bandwidth", Bandwidth).WithName("GetProxyBandwidth")
            .Produces<BandwidthResponse>().Produces<SuccessErrorBody>(400).Produces<SuccessErrorBody>(403).Produces<SuccessErrorBody>(502).Produces<SuccessErrorBody>(503)
            .WithSummary("Bytes in and out per (device, connection) of your devices, optionally grouped by hour or day.");
        app.MapGet("/api/v1/admin/proxies", AllConnections).WithTags("Proxy").RequireAdminToken().WithName("ListAllProxies")
            .Produces<AdminProxiesResponse>().Produces<ErrorBody>(401).Produces<ErrorBody>(502).Produces<ErrorBody>(503)
            .WithSummary("Every connection of every user with its device and its bytes over the last 24 h and ever (X-Admin-Token).");
        return app;
    }

    private static async Task<IResult> Logs(Query<RequestLogQuery> query, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!query.TryRead(out var q, out var refusal, ErrorResponses.ToSuccessHttp)) return refusal;
        var page = await mediator.Send(new SearchRequestLog(principal.ToCaller(), q.From, q.To, q.ConnectionId, q.DeviceId, q.Target, q.Action,
            q.Limit ?? SearchRequestLog.DefaultLimit, q.Offset ?? 0), ct);
        return page.IsSuccess
            ? Results.Ok(new RequestLogResponse(true, page.Value.Total, page.Value.Entries.Select(RequestLogEntryResponse.From).ToList()))
            : page.Error!.ToSuccessHttp();
    }

    private static async Task<IResult> Bandwidth(Query<BandwidthQuery> query, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!query.TryRead(out var q, out var refusal, ErrorResponses.ToSuccessHttp)) return refusal;
        var rows = await mediator.Send(new GetBandwidth(principal.ToCaller(), q.DeviceId, q.ConnectionId, q.From, q.To, q.GroupBy), ct);
        return rows.IsSuccess ? Results.Ok(new BandwidthResponse(true, rows.Value.Select(BandwidthRowResponse.From).ToList())) : rows.Error!.ToSuccessHttp();
    }

    private static async Task<IResult> AllConnections(ISender mediator, ConnectionPasswords passwords, CancellationToken ct) =>
        (await mediator.Send(new ListAllConnections(), ct)).ToHttp(views =>
            Results.Ok(new AdminProxiesResponse(views.Count, views.Select(v => AdminProxyResponse.From(v, passwords.Reveal(v.Connection.ProtectedPassword))).ToList())));
}
