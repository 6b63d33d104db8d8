using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Transforms;

namespace Gateway;

/// <summary>
/// YARP streams a request body to the service after flushing the request headers on their own, and a chunked body
/// leaves in as many pieces as it arrived in, so even a 150-byte JSON body costs the service several TCP segments and
/// wake-ups. A small body is read into the outgoing content's buffer first; HttpClient then writes headers and body
/// together, with a Content-Length. A body is small when it declares at most <see cref="MaxBufferedBytes"/>, or, for an
/// HTTP/1.1 body without a declared length, when it has ended within that many bytes. Larger bodies stay streamed, and
/// so do undeclared HTTP/2 bodies: there a client may wait for an answer before it sends more (gRPC streams do).
/// </summary>
public static class SmallRequestBodies
{
    /// <summary>Above this the body is streamed as YARP does (it would not fit the connection's first write anyway).</summary>
    public const int MaxBufferedBytes = 16 * 1024;

    public static async ValueTask BufferAsync(RequestTransformContext context)
    {
        if (context.ProxyRequest.Content is not { } body) return;
        var request = context.HttpContext.Request;
        var small = request.ContentLength switch
        {
            null => HttpProtocol.IsHttp11(request.Protocol) && await EndsWithinLimitAsync(request, context.CancellationToken),
            var declared => declared is > 0 and <= MaxBufferedBytes,
        };
        if (small) await body.LoadIntoBufferAsync(MaxBufferedBytes, context.CancellationToken);
    }

    /// <summary>
    /// Waits until the body has ended or passed the limit, and consumes nothing. The body is then read through the same
    /// pipe that looked at it: a server may give the pipe and the body stream separate buffers (test servers do), and
    /// what the pipe has read would be missing from the stream.
    /// </summary>
    private static async ValueTask<bool> EndsWithinLimitAsync(HttpRequest request, CancellationToken ct)
    {
        var result = await request.BodyReader.ReadAtLeastAsync(MaxBufferedBytes + 1, ct);
        var endsWithinLimit = result.IsCompleted && result.Buffer.Length <= MaxBufferedBytes;
        request.BodyReader.AdvanceTo(result.Buffer.Start);
        request.Body = request.BodyReader.AsStream();
        return endsWithinLimit;
    }
}
