using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Platform.Api;
using Platform.Application.Results;
using Storage.Api.Contracts;
using Storage.Application.Files;

namespace Storage.Api.Endpoints;

/// <summary>
/// Proof files, for the Tasks service only: internal routes the gateway never forwards (they are in no route list),
/// with the caller's token forwarded by Tasks. The body is the file's bytes, streamed to disk.
/// </summary>
public static class ProofFileEndpoints
{
    public static IEndpointRouteBuilder MapProofFileEndpoints(this IEndpointRouteBuilder app)
    {
        // A running agent's data dump (route 11) stores its files with the agent's token, which Tasks forwards.
        var proof = app.MapGroup("/internal/proof-files").ExcludeFromDescription().AllowAgentTokens();
        proof.MapPost("/", Store).DisableAntiforgery();
        proof.MapGet("/{name}", Download);
        proof.MapDelete("/{name}", Delete);
        return app;
    }

    private static async Task<IResult> Store([FromQuery] string? name, [FromQuery] string? owner, HttpRequest request, ClaimsPrincipal principal,
        ISender mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new StoreProofFile(principal.ToCaller(), owner ?? string.Empty, name, request.ContentType, request.Body), ct);
        return result.IsSuccess ? Results.Json(new StoredProofFileResponse(result.Value.Name), statusCode: StatusCodes.Status201Created) : Refuse(result.Error!);
    }

    private static async Task<IResult> Download([FromRoute] string name, ISender mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new GetProofFile(name), ct);
        if (!result.IsSuccess) return Refuse(result.Error!);
        var (file, content) = result.Value;
        return Results.Stream(content, file.ContentType, fileDownloadName: file.OriginalName);
    }

    private static async Task<IResult> Delete([FromRoute] string name, ISender mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new DeleteProofFile(name), ct);
        return result.IsSuccess ? Results.NoContent() : Refuse(result.Error!);
    }

    private static IResult Refuse(Error error) =>
        Results.Json(new StorageErrorResponse(false, error.Message), statusCode: ErrorResponses.StatusOf(error.Kind)).WithRetryAfterOf(error);
}
