using FluentValidation;
using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Proxy.Application.Ports;

namespace Proxy.Application.RequestLog;

/// <summary>
/// Route 33: bytes in and out per (device, connection) of the caller's devices (or the one asked for: another's is a
/// 403), optionally between <paramref name="From"/> and <paramref name="To"/>, and grouped by hour or day.
/// </summary>
public sealed record GetBandwidth(Caller Caller, string? DeviceId, string? ConnectionId, string? From, string? To, string? GroupBy)
    : IQuery<Result<IReadOnlyList<BandwidthRow>>>;

public sealed class GetBandwidthValidator : AbstractValidator<GetBandwidth>
{
    public GetBandwidthValidator()
    {
        RuleFor(q => q.From).Must(t => RequestLogReads.TryParseTime(t, out _)).When(q => q.From is not null).WithMessage("from must be an ISO 8601 time");
        RuleFor(q => q.To).Must(t => RequestLogReads.TryParseTime(t, out _)).When(q => q.To is not null).WithMessage("to must be an ISO 8601 time");
        RuleFor(q => q.ConnectionId).Must(RequestLogReads.IsUuid).When(q => q.ConnectionId is not null).WithMessage("connectionId must be a UUID");
        RuleFor(q => q.DeviceId).Must(RequestLogReads.IsUuid).When(q => q.DeviceId is not null).WithMessage("deviceId must be a UUID");
    }
}

public sealed class GetBandwidthHandler(IProxyDevices devices, IRequestLog log) : IQueryHandler<GetBandwidth, Result<IReadOnlyList<BandwidthRow>>>
{
    public async ValueTask<Result<IReadOnlyList<BandwidthRow>>> Handle(GetBandwidth query, CancellationToken cancellationToken)
    {
        var scope = await OwnedDevices.ScopeAsync(devices, query.Caller, query.DeviceId, cancellationToken);
        if (!scope.IsSuccess) return scope.Error!;
        if (scope.Value.Count == 0) return Result<IReadOnlyList<BandwidthRow>>.Success([]);
        DateTimeOffset? from = RequestLogReads.TryParseTime(query.From, out var f) ? f : null;
        DateTimeOffset? to = RequestLogReads.TryParseTime(query.To, out var t) ? t : null;
        var grouping = query.GroupBy switch { "hour" => BandwidthGrouping.Hour, "day" => BandwidthGrouping.Day, _ => BandwidthGrouping.None };
        return await RequestLogReads.ReadAsync(() =>
            log.BandwidthAsync(new BandwidthSearch(scope.Value, query.ConnectionId?.ToLowerInvariant(), from, to, grouping), cancellationToken));
    }
}
