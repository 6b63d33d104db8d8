using System.Globalization;
using System.Threading.RateLimiting;
using Gateway;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Scalar.AspNetCore;
using Yarp.ReverseProxy.Transforms;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Http;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformAuthentication(cacheValidatedTokens: true);

var options = builder.Configuration.GetSection("Gateway").Get<GatewayOptions>() ?? new GatewayOptions();
builder.Services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = options.InlineScheduling);
builder.Services.AddProblemDetails();
builder.Services.AddReverseProxy()
    .LoadFromMemory(PublicRoutes.Routes(), PublicRoutes.Clusters())
    .AddServiceDiscoveryDestinationResolver()
    .AddTransforms(transforms => transforms.AddRequestTransform(SmallRequestBodies.BufferAsync));
builder.Services.AddHttpClient(OpenApiAggregator.ClientName);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<OpenApiAggregator>();

builder.Services.AddTrustedProxies("Gateway:TrustedProxies", options.TrustedProxies);

// Per-token token bucket (per client address without a valid token): 429 with Retry-After past the limit.
builder.Services.AddRateLimiter(limiter =>
{
    limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        RateLimitPartition.GetTokenBucketLimiter(PartitionKey(context), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.RateLimitBurst,
            TokensPerPeriod = options.RateLimitPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    limiter.OnRejected = async (context, ct) =>
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"Rate limit reached; retry after {retryAfter} s.").ExecuteAsync(context.HttpContext);
    };
});

var app = builder.Build();
app.UseTrustedProxies();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDeclaredBodyLimit(options.MaxRequestBodyBytes);
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapGet("/api/v1/openapi.json", async (OpenApiAggregator openApi, HttpResponse response, CancellationToken ct) =>
{
    var (json, missing) = await openApi.GetAsync(ct);
    if (missing.Count > 0) response.Headers[OpenApiAggregator.MissingHeader] = string.Join(", ", missing);
    return Results.Text(json, "application/json");
}).AllowAnonymous().ExcludeFromDescription();
// The reference page works offline, as a self-hosted platform's must: no AI chat, MCP, hosted SDK generation or deploy
// buttons, no telemetry, no fonts from a CDN (the page's script is served by the gateway itself).
app.MapScalarApiReference("/api/v1/docs", scalar => scalar
        .WithTitle("Microtask platform API")
        .WithOpenApiRoutePattern("/api/v1/openapi.json")
        .DisableAgent()
        .DisableMcp()
        .HideDeveloperTools()
        .HideClientButton()
        .DisableTelemetry()
        .DisableDefaultFonts())
    .AllowAnonymous();
app.MapReverseProxy(proxy =>
{
    proxy.Use((context, next) => BodyLimits.EnforceAsync(context, next, options.MaxRequestBodyBytes));
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});
app.Run();

// A valid token is its own partition (its id, from the claims authentication already read); anything else, an invalid
// token included, shares its client address's partition, so made-up tokens can't each open a fresh bucket.
static string PartitionKey(HttpContext context) =>
    context.User.FindFirst(PlatformClaims.TokenId)?.Value is { } tokenId ? "t:" + tokenId : "a:" + context.Connection.RemoteIpAddress;

public partial class Program;
