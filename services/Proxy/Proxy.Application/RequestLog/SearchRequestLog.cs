using FluentValidation;
using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Proxy.Application.Ports;

namespace Proxy.Application.RequestLog;

/// <summary>
/// Route 32: the request log of the caller's devices between <paramref name="From"/> and <paramref name="To"/>
/// (inclusive, ISO 8601), newest first, filtered by connection, device (one of the caller's: another is a 403), target
/// substring and action; a page of <paramref name="Limit"/> after <paramref name="Offset"/>, with the total.
/// </summary>
public sealed record SearchRequestLog(Caller Caller, string? From, string? To, string? ConnectionId, string? DeviceId, string? Target, string? Action,
    int Limit, int Offset) : IQuery<Result<RequestLogPage>>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10_000;
    public const int MaxTargetLength = 300;
}

public sealed class SearchRequestLogValidator : AbstractValidator<SearchRequestLog>
{
    public SearchRequestLogValidator()
    {
        RuleFor(q => q.From).NotEmpty().WithMessage("from is required (ISO 8601)")
            .Must(t => RequestLogReads.TryParseTime(t, out _)).WithMessage("from must be an ISO 8601 time");
        RuleFor(q => q.To).NotEmpty().WithMessage("to is required (ISO 8601)")
            .Must(t => RequestLogReads.TryParseTime(t, out _)).WithMessage("to must be an ISO 8601 time");
        RuleFor(q => q).Must(q => !RequestLogReads.TryParseTime(q.From, out var from) || !RequestLogReads.TryParseTime(q.To, out var to) || from <= to)
            .WithMessage("from must not be after to");
        RuleFor(q => q.ConnectionId).Must(RequestLogReads.IsUuid).When(q => q.ConnectionId is not null).WithMessage("connectionId must be a UUID");
        RuleFor(q => q.DeviceId).Must(RequestLogReads.IsUuid).When(q => q.DeviceId is not null).WithMessage("deviceId must be a UUID");
        RuleFor(q => q.Target).MaximumLength(SearchRequestLog.MaxTargetLength).WithMessage($"target must be at most {SearchRequestLog.MaxTargetLength} characters");
        RuleFor(q => q.Limit).InclusiveBetween(1, SearchRequestLog.MaxLimit).WithMessage($"limit must be between 1 and {SearchRequestLog.MaxLimit}");
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0).WithMessage("offset must be 0 or more");
    }
}

public sealed class SearchRequestLogHandler(IProxyDevices devices, IRequestLog log) : IQueryHandler<SearchRequestLog, Result<RequestLogPage>>
{
    public async ValueTask<Result<RequestLogPage>> Handle(SearchRequestLog query, CancellationToken cancellationToken)
    {
        var scope = await OwnedDevices.ScopeAsync(devices, query.Caller, query.DeviceId, cancellationToken);
        if (!scope.IsSuccess) return scope.Error!;
        if (scope.Value.Count == 0) return Result<RequestLogPage>.Success(new RequestLogPage(0, []));
        var (from, to) = (RequestLogReads.ParseTime(query.From!), RequestLogReads.ParseTime(query.To!));
        var action = query.Action switch { "allowed" => LogAction.Allowed, "blocked" => LogAction.Blocked, _ => (LogAction?)null };
        return await RequestLogReads.ReadAsync(() => log.SearchAsync(
            new RequestLogSearch(scope.Value, from, to, query.ConnectionId?.ToLowerInvariant(), string.IsNullOrEmpty(query.Target) ? null : query.Target, action,
                query.Limit, query.Offset),
            cancellationToken));
    }
}

/// <summary>The devices a log read covers: the caller's own, or the one asked for if it is theirs (another's, or none: a 403).</summary>
public static class OwnedDevices
{
    public const string NotYours = "deviceId is not one of your devices";

    public static async Task<Result<IReadOnlyCollection<string>>> ScopeAsync(IProxyDevices devices, Caller caller, string? deviceId,
        CancellationToken cancellationToken)
    {
        if (deviceId is not null)
        {
            var device = await devices.GetAsync(deviceId.ToLowerInvariant(), cancellationToken) ?? await devices.GetAsync(deviceId, cancellationToken);
            return device is not null && device.IsOwnedBy(caller.UserId)
                ? Result<IReadOnlyCollection<string>>.Success([device.Id])
                : Error.Forbidden(NotYours);
        }
        return Result<IReadOnlyCollection<string>>.Success((await devices.ListOwnedAsync(caller.UserId, cancellationToken)).Select(d => d.Id).ToList());
    }
}
