using Platform.Application.Results;
using Proxy.Application.Ports;

namespace Proxy.Application.RequestLog;

/// <summary>What the request log's routes share: how its absence answers, and how their query texts read.</summary>
public static class RequestLogReads
{
    public const string NotConfigured = "The request log is not configured (no ClickHouse)";
    public const string Unreachable = "Could not reach the request log";

    /// <summary>Runs a read of the log; not configured: 503, not answering: 502.</summary>
    public static async Task<Result<T>> ReadAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return Result<T>.Success(await read());
        }
        catch (RequestLogUnavailableException e)
        {
            return e.Configured ? Error.BadGateway(Unreachable) : Error.Unavailable(NotConfigured);
        }
    }

    /// <summary>An ISO 8601 time (with an offset or Z; without one it is taken as UTC).</summary>
    public static bool TryParseTime(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out time)
        && text!.Length >= 10 && char.IsAsciiDigit(text[0]);

    /// <summary>A time the validator has let through.</summary>
    public static DateTimeOffset ParseTime(string text) =>
        TryParseTime(text, out var time) ? time : throw new ArgumentException($"'{text}' is not an ISO 8601 time", nameof(text));

    public static bool IsUuid(string? text) => Guid.TryParseExact(text, "D", out _);
}
