using System.Security.Claims;
using Jobs.Api.Contracts;
using Jobs.Application.Automations;
using Mediator;
using Platform.Api;
using Platform.Api.Binding;

namespace Jobs.Api.Endpoints;

public static class AutomationEndpoints
{
    public static IEndpointRouteBuilder MapAutomationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/automations").WithTags("Automations")
            .MapPost("/", Register).WithName("RegisterAutomation")
            .Produces<AutomationCreatedResponse>(201).Produces<ErrorBody>(400)
            .WithSummary("Register an automation with its parameter, job-variable and bucket schemas.");
        return app;
    }

    private static async Task<IResult> Register(Body<RegisterAutomationRequest> body, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var request, out var refusal)) return refusal;
        var command = new RegisterAutomation(principal.ToCaller(), request.Name!, request.AutomationParametersSchema?.ToSchema(),
            request.JobVariablesSchema?.ToSchema(), request.BucketSchema?.ToSchema());
        return (await mediator.Send(command, ct)).ToHttp(id => Results.Json(new AutomationCreatedResponse(id), statusCode: StatusCodes.Status201Created));
    }
}
