using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Results;

namespace Platform.Api.Binding;

public enum RequestContractLocation
{
    Json,
    Query,
    Form,
}

/// <summary>Endpoint metadata: the contract an endpoint reads its input from, and where; the OpenAPI document is written from it.</summary>
public sealed record RequestContract(Type Type, RequestContractLocation Location)
{
    public string ContentType => Location == RequestContractLocation.Form ? "application/x-www-form-urlencoded" : "application/json";
}

/// <summary>
/// An endpoint parameter that reads a JSON body into <typeparamref name="T"/> through the shared reader, so the
/// endpoint gets either the contract or the reference's 400 listing every problem; the OpenAPI document describes the
/// body from <typeparamref name="T"/>. A body that is not JSON is a 415; one that doesn't parse is a 400.
/// </summary>
public sealed class Body<T> : IEndpointParameterMetadataProvider where T : class, new()
{
    private Body(Bound<T> bound) => Bound = bound;

    public Bound<T> Bound { get; }

    public bool TryRead([NotNullWhen(true)] out T? value, [NotNullWhen(false)] out IResult? refusal) => Bound.TryRead(out value, out refusal);

    /// <summary>As <see cref="TryRead(out T, out IResult)"/>, with the refusal written by <paramref name="refuse"/> (a route with another error body).</summary>
    public bool TryRead([NotNullWhen(true)] out T? value, [NotNullWhen(false)] out IResult? refusal, Func<Error, IResult> refuse) =>
        Bound.TryRead(out value, out refusal, refuse);

    public static async ValueTask<Body<T>> BindAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength is 0 || (request.ContentType is null && request.ContentLength is null))
            return new Body<T>(new Bound<T>(null, [ContractReader.NotAnObject]));
        if (!request.HasJsonContentType())
            throw new BadHttpRequestException("The request body must be JSON (application/json).", StatusCodes.Status415UnsupportedMediaType);
        try
        {
            using var json = JsonDocument.Parse(await ReadAllAsync(request, context.RequestServices.GetService<LargeBodyGate>(), context.RequestAborted));
            return new Body<T>(ContractReader.FromJson<T>(json.RootElement));
        }
        catch (JsonException)
        {
            return new Body<T>(new Bound<T>(null, [ContractReader.NotAnObject]));
        }
    }

    /// <summary>
    /// The whole body, read once into one array of its declared length when the server's body limit allows that length
    /// (a declared length over the limit is refused by the first read, before anything is held); a body of unknown length
    /// grows as it comes. A body larger than the <paramref name="gate"/>'s threshold is read only with a turn of the gate.
    /// Parsing a stream would grow its buffer by doubling, holding up to three times a large body at once; the document
    /// is parsed over this array, not a copy of it.
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>> ReadAllAsync(HttpRequest request, LargeBodyGate? gate, CancellationToken cancellationToken)
    {
        var threshold = gate?.Threshold ?? long.MaxValue;
        var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? UnlimitedPresize;
        if (request.ContentLength is { } declared && declared <= Math.Min(limit, Array.MaxLength))
        {
            if (declared > threshold) await gate!.EnterAsync(request.HttpContext);
            var body = GC.AllocateUninitializedArray<byte>((int)declared);
            var read = 0;
            while (read < body.Length && await request.Body.ReadAsync(body.AsMemory(read), cancellationToken) is var count and > 0) read += count;
            return body.AsMemory(0, read);
        }

        // Unknown length: up to the threshold without a turn; past it, the rest with one.
        using var grown = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (grown.Length <= threshold && await request.Body.ReadAsync(chunk, cancellationToken) is var got and > 0) grown.Write(chunk, 0, got);
        if (grown.Length > threshold)
        {
            await gate!.EnterAsync(request.HttpContext);
            await request.Body.CopyToAsync(grown, cancellationToken);
        }
        return grown.GetBuffer().AsMemory(0, (int)grown.Length);
    }

    /// <summary>Where the server sets no body limit (an in-memory test server), a declared length up to this is read into one array.</summary>
    private const long UnlimitedPresize = 1024 * 1024;

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new RequestContract(typeof(T), RequestContractLocation.Json));
}

/// <summary>An endpoint parameter that reads the query string into <typeparamref name="T"/> through the shared reader (see <see cref="Body{T}"/>).</summary>
public sealed class Query<T> : IEndpointParameterMetadataProvider where T : class, new()
{
    private Query(Bound<T> bound) => Bound = bound;

    public Bound<T> Bound { get; }

    public bool TryRead([NotNullWhen(true)] out T? value, [NotNullWhen(false)] out IResult? refusal) => Bound.TryRead(out value, out refusal);

    /// <summary>As <see cref="TryRead(out T, out IResult)"/>, with the refusal written by <paramref name="refuse"/> (a route with another error body).</summary>
    public bool TryRead([NotNullWhen(true)] out T? value, [NotNullWhen(false)] out IResult? refusal, Func<Error, IResult> refuse) =>
        Bound.TryRead(out value, out refusal, refuse);

    public static ValueTask<Query<T>> BindAsync(HttpContext context) =>
        ValueTask.FromResult(new Query<T>(ContractReader.FromValues<T>(name => context.Request.Query[name])));

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new RequestContract(typeof(T), RequestContractLocation.Query));
}

public static class RequestContractExtensions
{
    public static bool TryRead<T>(this Bound<T> bound, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out IResult? refusal) where T : class =>
        bound.TryRead(out value, out refusal, ErrorResponses.ToHttp);

    public static bool TryRead<T>(this Bound<T> bound, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out IResult? refusal,
        Func<Error, IResult> refuse) where T : class
    {
        value = bound.Value;
        refusal = bound.IsValid ? null : refuse(Error.Validation(bound.Errors));
        return bound.IsValid && value is not null;
    }

    /// <summary>
    /// Documents a body the endpoint reads by hand (the OAuth token endpoint reads its form itself, to answer in
    /// RFC 6749's terms) without the content-type matching that Accepts(...) adds.
    /// </summary>
    public static RouteHandlerBuilder DocumentsRequest<T>(this RouteHandlerBuilder builder, RequestContractLocation location) =>
        builder.WithMetadata(new RequestContract(typeof(T), location));
}
