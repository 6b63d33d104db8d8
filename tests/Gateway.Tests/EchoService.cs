using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Platform.Testing;

namespace Gateway.Tests;

/// <summary>
/// A real HTTP service standing in for one of the platform's: it answers every request with 201 and what it received
/// (method, path, content type, declared and actual length, SHA-256 of the body, Authorization), and counts requests.
/// </summary>
public sealed class EchoService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private EchoService(WebApplication app) => _app = app;

    public string Address { get; private init; } = string.Empty;

    /// <summary>How many requests reached the service.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<EchoService> StartAsync()
    {
        var port = FreePorts.Any();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        var echo = new EchoService(builder.Build()) { Address = $"http://127.0.0.1:{port}" };
        echo._app.Map("/{**path}", (Delegate)echo.Echo);
        await echo._app.StartAsync();
        return echo;
    }

    private async Task<IResult> Echo(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        return Results.Json(new JsonObject
        {
            ["method"] = context.Request.Method,
            ["path"] = context.Request.Path.Value,
            ["content_type"] = context.Request.ContentType,
            ["declared_length"] = context.Request.ContentLength,
            ["length"] = body.Length,
            ["sha256"] = Convert.ToHexString(SHA256.HashData(body.ToArray())),
            ["authorization"] = context.Request.Headers.Authorization.ToString(),
            ["forwarded_for"] = context.Request.Headers["X-Forwarded-For"].ToString(),
        }, statusCode: StatusCodes.Status201Created);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
