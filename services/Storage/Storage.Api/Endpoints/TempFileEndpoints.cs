using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Platform.Api;
using Platform.Application.Results;
using Storage.Api.Contracts;
using Storage.Application.Files;

namespace Storage.Api.Endpoints;

/// <summary>Routes 42 and 43: temporary files, uploaded by streaming and served by the name the upload issued.</summary>
public static class TempFileEndpoints
{
    public const string NoFile = "No file uploaded";
    public const string FileNameRequired = "Filename is required";

    public static IEndpointRouteBuilder MapTempFileEndpoints(this IEndpointRouteBuilder app)
    {
        var temp = app.MapGroup("/api/v1/storage/temp").WithTags("Storage");
        temp.MapPost("/", Upload).WithName("UploadTempFile")
            .Produces<UploadedResponse>().Produces<StorageErrorResponse>(400).Produces<StorageErrorResponse>(413).Produces<StorageErrorResponse>(429)
            .AddOpenApiOperationTransformer(DescribeMultipartFile)
            .DisableAntiforgery()
            .WithSummary("Upload a file (multipart field 'file', at most 50 MB); it is served for 15 minutes.");
        temp.MapGet("/{filename}", Download).WithName("GetTempFile")
            .Produces(200, contentType: "application/octet-stream").Produces<StorageErrorResponse>(400).Produces<StorageErrorResponse>(404)
            .WithSummary("Download a temporary file by the filename its upload returned.");
        // The reference's "Filename is required" for a download without a name.
        temp.MapGet("/", () => Refuse(StatusCodes.Status400BadRequest, FileNameRequired)).ExcludeFromDescription();
        return app;
    }

    /// <summary>Streams the first multipart section named "file" to the store: the body is never buffered whole.</summary>
    private static async Task<IResult> Upload(HttpRequest request, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!request.HasFormContentType || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ||
            HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            return Refuse(StatusCodes.Status400BadRequest, NoFile);

        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition() ||
                !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "file", StringComparison.Ordinal))
                continue;
            var originalName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            var result = await mediator.Send(new UploadTempFile(principal.ToCaller(), originalName, section.ContentType, section.Body), ct);
            if (!result.IsSuccess) return Refuse(result.Error!);
            var file = result.Value;
            var url = $"{request.Scheme}://{request.Host}/api/v1/storage/temp/{file.Name}";
            return Results.Ok(new UploadedResponse(true, "File uploaded successfully", UploadedFileResponse.From(file, url)));
        }
        return Refuse(StatusCodes.Status400BadRequest, NoFile);
    }

    private static async Task<IResult> Download([FromRoute] string filename, HttpResponse response, ISender mediator, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(filename)) return Refuse(StatusCodes.Status400BadRequest, FileNameRequired);
        var result = await mediator.Send(new GetTempFile(filename), ct);
        if (!result.IsSuccess) return Refuse(result.Error!);
        var (file, content) = result.Value;
        // Served as a download, never rendered: an uploaded page can't run script on the platform's origin.
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return Results.Stream(content, file.ContentType, fileDownloadName: file.OriginalName, enableRangeProcessing: true);
    }

    private static IResult Refuse(Error error) => Refuse(ErrorResponses.StatusOf(error.Kind), error.Message).WithRetryAfterOf(error);

    private static IResult Refuse(int status, string message) => Results.Json(new StorageErrorResponse(false, message), statusCode: status);

    private static Task DescribeMultipartFile(OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "file" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The file, at most 50 MB." },
                        },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }
}
