using System.Security.Claims;
using System.Text.Json;
using Jobs.Api.Contracts;
using Jobs.Application.Automations;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Platform.Application.Results;
using Platform.ServiceDefaults.Auth;
using Platform.Api;

namespace Jobs.Api.Endpoints;

public static class AutomationEndpoints
{
    public static IEndpointRouteBuilder MapAutomationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/automations").WithTags("Automations")
            .MapPost("/", Register).Accepts<RegisterAutomationRequest>("application/json")
            .Produces<AutomationCreatedResponse>(201).Produces<ErrorBody>(400)
            .WithSummary("Register an automation with its parameter, job-variable and bucket schemas.");
        return app;
    }

    private static async Task<IResult> Register([FromBody] JsonElement? body, ClaimsPrincipal principal, IMediator mediator, CancellationToken ct)
    {
        var json = JsonBody.Of(body, out var shapeError);
        if (shapeError is not null) return Error.Validation(shapeError).ToHttp();
        var errors = new List<string>();
        var name = json.String("name", required: true);
        var parameters = RegisterAutomationRequest.ReadSchema(json, "automation_parameters_schema", errors);
        var variables = RegisterAutomationRequest.ReadSchema(json, "job_variables_schema", errors);
        var bucket = RegisterAutomationRequest.ReadSchema(json, "bucket_schema", errors);
        errors.InsertRange(0, json.Errors);
        if (errors.Count > 0) return Error.Validation(errors).ToHttp();

        var result = await mediator.Send(new RegisterAutomation(principal.ToCaller(), name!, parameters, variables, bucket), ct);
        return result.ToHttp(id => Results.Json(new AutomationCreatedResponse(id), statusCode: StatusCodes.Status201Created));
    }
}
