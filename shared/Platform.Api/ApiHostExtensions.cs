using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using System.Diagnostics;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Http;
using Platform.Persistence;
using Platform.Topology;
using FluentValidation;
using Platform.Application.Behaviours;
using System.Reflection;
using Mediator;
using Platform.Api.Binding;
using Platform.Api.OpenApi;

namespace Platform.Api;

public static class ApiHostExtensions
{
    /// <summary>
    /// A service's request body limit: Http:MaxRequestBodyBytes when set, else what the one list of services declares
    /// for it (the gateway enforces the same), so a service started without the app host keeps its limit too.
    /// </summary>
    public static long MaxRequestBodyBytes(IConfiguration configuration, string serviceName) =>
        configuration.GetValue<long?>("Http:MaxRequestBodyBytes") ?? PlatformServices.Find(serviceName)?.MaxRequestBodyBytes ?? PlatformService.DefaultMaxRequestBodyBytes;

    /// <summary>
    /// Everything a service's HTTP host shares: service defaults, token validation, its store, problem details,
    /// the exception handler, the body size limit, its OpenAPI document, and its use cases' pipeline: the validators of
    /// <paramref name="useCases"/> and the logging and validation behaviours around every handler (the Mediator
    /// source generator's own AddMediator, called by the service, registers the handlers).
    /// </summary>
    public static WebApplicationBuilder AddPlatformApi(this WebApplicationBuilder builder, string serviceName, Assembly useCases)
    {
        builder.AddServiceDefaults();
        builder.AddPlatformAuthentication();
        builder.AddPlatformStore(serviceName);

        var maxBody = MaxRequestBodyBytes(builder.Configuration, serviceName);
        builder.Services.AddSingleton(new RequestBodyLimit(maxBody));
        builder.Services.AddSingleton(new LargeBodyGate(builder.Configuration.GetSection(LargeBodyOptions.Section).Get<LargeBodyOptions>() ?? new LargeBodyOptions()));
        builder.Services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = maxBody);

        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<PlatformExceptionHandler>();
        builder.Services.AddTrustedProxies(ClientAddress.TrustedProxiesSetting, builder.Configuration[ClientAddress.TrustedProxiesSetting] ?? ClientAddress.DefaultTrustedProxies);
        // A call to another platform service made while serving a request carries the caller's token; a call to
        // anything else (a payment provider) never does.
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<ForwardedAuthorization>();
        builder.Services.AddSingleton<IConfigureOptions<HttpClientFactoryOptions>, ForwardedAuthorization.ToPlatformServices>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        builder.Services.AddOpenApi(o =>
        {
            o.AddOperationTransformer<RequestContractOperationTransformer>();
            o.AddSchemaTransformer<ContractSchemaTransformer>();
            // A base64 file is a string on the wire, written in place (no component of its own).
            o.CreateSchemaReferenceId = type => type.Type == typeof(Platform.Application.Files.Base64File) ? null : Microsoft.AspNetCore.OpenApi.OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        });

        // Behaviours resolve per message type at run time, in this order: logging outside, validation inside.
        builder.Services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        builder.Services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        builder.Services.AddValidatorsFromAssembly(useCases, includeInternalTypes: true);
        return builder;
    }

    /// <summary>The middleware order every service uses; then the caller maps its endpoints.</summary>
    public static WebApplication UsePlatformApi(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDeclaredBodyLimit(app.Services.GetRequiredService<RequestBodyLimit>().Bytes);
        app.UseAuthentication();
        app.UseAgentTokenPolicy();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapDefaultEndpoints();
        return app;
    }
}

/// <summary>The largest request body this service takes (see <see cref="ApiHostExtensions.MaxRequestBodyBytes"/>).</summary>
public sealed record RequestBodyLimit(long Bytes);
