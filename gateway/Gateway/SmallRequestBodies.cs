using Yarp.ReverseProxy.Transforms;

namespace Gateway;

/// <summary>
/// YARP streams a request body to the service after flushing the request headers on their own, so even a 150-byte JSON
/// body leaves the gateway as two TCP segments and the service wakes twice for one request. A small body with a declared
/// length is read into the outgoing content's buffer first; HttpClient then writes headers and body together. Larger or
/// chunked bodies stay streamed.
/// </summary>
public static class SmallRequestBodies
{
    /// <summary>Above this the body is streamed as YARP does (it would not fit the connection's first write anyway).</summary>
    public const int MaxBufferedBytes = 16 * 1024;

    public static async ValueTask BufferAsync(RequestTransformContext context)
    {
        if (context.ProxyRequest.Content is { } body && context.HttpContext.Request.ContentLength is > 0 and <= MaxBufferedBytes)
            await body.LoadIntoBufferAsync(MaxBufferedBytes, context.CancellationToken);
    }
}
