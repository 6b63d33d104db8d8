namespace Platform.Application.Results;

/// <summary>What kind of failure a use case reports; the HTTP edge maps each kind to one status code.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Forbidden,
    Conflict,
    Unauthorized,
    /// <summary>The input is larger than the use case takes (a 413).</summary>
    TooLarge,
    /// <summary>A service this use case depends on gave no answer; nothing was done, and the caller may try again (a 503).</summary>
    Unavailable,
    /// <summary>A server this use case reads from could not be reached or refused the question (a 502).</summary>
    BadGateway,
    /// <summary>The caller (or everyone at once) asked more than the service takes just now; try again later (a 429 with Retry-After).</summary>
    TooManyRequests,
}

/// <summary>A failure a caller can act on. <see cref="Messages"/> lists every rule broken (validation), in order.</summary>
public sealed record Error(ErrorKind Kind, IReadOnlyList<string> Messages)
{
    /// <summary>For <see cref="ErrorKind.TooManyRequests"/>: when the caller may try again, when the use case knows.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public string Message => Messages.Count > 0 ? Messages[0] : Kind.ToString();

    public static Error Validation(params string[] messages) => new(ErrorKind.Validation, messages);
    public static Error Validation(IReadOnlyList<string> messages) => new(ErrorKind.Validation, messages);
    public static Error NotFound(string message) => new(ErrorKind.NotFound, [message]);
    public static Error Forbidden(string message) => new(ErrorKind.Forbidden, [message]);
    public static Error Conflict(string message) => new(ErrorKind.Conflict, [message]);
    public static Error TooLarge(string message) => new(ErrorKind.TooLarge, [message]);
    public static Error Unavailable(string message) => new(ErrorKind.Unavailable, [message]);
    public static Error BadGateway(string message) => new(ErrorKind.BadGateway, [message]);
    public static Error TooManyRequests(string message) => new(ErrorKind.TooManyRequests, [message]);
}
