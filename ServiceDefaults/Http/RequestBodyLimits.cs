using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// Refusing a request body that is too large with a 413 the client can read. A client that declared a large body is
/// usually still sending it when the answer is ready; if the server then closed the connection with unread bytes
/// waiting, TCP would reset it and the client (curl, Python's urllib) would see a reset instead of the 413. So the
/// answer goes out with "Connection: close" and the rest of the declared body is read and dropped, up to
/// <see cref="MaxDrainBytes"/> and for at most <see cref="DrainTimeout"/>.
/// </summary>
public static class RequestBodyLimits
{
    /// <summary>A declared body up to this size is read and dropped after the 413; a larger one is cut off.</summary>
    public const long MaxDrainBytes = 64L * 1024 * 1024;

    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Refuses a request whose declared Content-Length is over <paramref name="maxBytes"/> before anything is read.</summary>
    public static IApplicationBuilder UseDeclaredBodyLimit(this IApplicationBuilder app, long maxBytes) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > maxBytes)
            {
                await RefuseAsync(context, maxBytes);
                return;
            }
            await next(context);
        });

    /// <summary>Writes the 413 problem and drains what the client declared it would send (when nothing was read yet).</summary>
    public static async Task RefuseAsync(HttpContext context, long maxBytes)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        if (HttpProtocol.IsHttp11(context.Request.Protocol)) response.Headers.Connection = "close";
        await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large",
            detail: $"The request body may be at most {maxBytes} bytes.").ExecuteAsync(context);
        await response.CompleteAsync();
        await DrainAsync(context);
    }

    private static async Task DrainAsync(HttpContext context)
    {
        var declared = context.Request.ContentLength;
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (declared is not > 0 || declared > MaxDrainBytes || limit is null || limit.IsReadOnly) return;
        limit.MaxRequestBodySize = declared;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(DrainTimeout);
        try
        {
            await context.Request.Body.CopyToAsync(Stream.Null, timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // The client stopped sending or took too long: the connection closes either way.
        }
    }

    /// <summary>Whether <paramref name="exception"/> (or one it wraps) is the server refusing a body over its limit.</summary>
    public static bool IsBodyTooLarge(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }) return true;
        return false;
    }
}
