using System.Security.Claims;
using Devices.Api.Contracts;
using Devices.Application.Buckets;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Platform.Api;
using Platform.Api.Binding;
using Platform.Application.Results;

namespace Devices.Api.Endpoints;

/// <summary>
/// Routes 35–41: job buckets (the employer's surface, and the running agent's with its task token) and device buckets.
/// Agent tokens are taken here; who may use which bucket is the use cases' (see BucketAccess).
/// </summary>
public static class BucketEndpoints
{
    public const string InvalidDeviceData = "Invalid data. Must be a non-null object.";

    public static IEndpointRouteBuilder MapBucketEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/v1/jobs/{job_id}/buckets").WithTags("Buckets").AllowAgentTokens();
        jobs.MapGet("", List).WithName("ListJobBuckets")
            .Produces<JobBucketListResponse>().Produces<ErrorBody>(400).Produces<ErrorBody>(404)
            .WithSummary("The job's buckets, newest first by updated_at, each with its device's name (owner, or a view or edit share).");
        jobs.MapDelete("", Wipe).WithName("WipeJobBuckets")
            .Produces<WipedResponse>().Produces<ErrorBody>(404)
            .WithSummary("Removes every bucket of the job (owner or edit share).");
        jobs.MapGet("/{device_id}", Get).WithName("GetJobBucket")
            .Produces<JobBucketEnvelope>().Produces<ErrorBody>(404)
            .WithSummary("The bucket of this (job, device) pair.");
        jobs.MapPut("/{device_id}", Replace).WithName("ReplaceJobBucket")
            .Produces<JobBucketEnvelope>().Produces<ErrorBody>(400).Produces<ErrorBody>(404).Produces<ErrorBody>(413)
            .WithSummary("Replaces the (job, device) bucket with data (no merge), checked against the automation's bucket_schema; owner, edit share, or the agent running the job's task on that device with its task token.");
        jobs.MapDelete("/{device_id}", Delete).WithName("DeleteJobBucket")
            .Produces<SuccessResponse>().Produces<ErrorBody>(404)
            .WithSummary("Removes the (job, device) bucket (owner or edit share).");

        var devices = app.MapGroup("/api/v1/device-bucket").WithTags("Buckets").AllowAgentTokens();
        devices.MapPost("/read", Read).WithName("ReadDeviceBucket")
            .Produces<DeviceBucketResponse>().Produces<ErrorBody>(400).Produces<ErrorBody>(404)
            .WithSummary("The device's bucket ({} at first): the agent token's device, or remote_device_id (a device the caller owns or runs a task on).");
        devices.MapPost("/merge", Merge).WithName("MergeDeviceBucket")
            .Produces<MergedDeviceBucketResponse>().Produces<ErrorBody>(400).Produces<ErrorBody>(404).Produces<ErrorBody>(413)
            .WithSummary("Sets data's top-level keys in the device's bucket, keeping its other keys; the merged bucket (at most 1 MiB).");
        return app;
    }

    private static async Task<IResult> List([FromRoute(Name = "job_id")] string jobId, Query<BucketPageQuery> query, ClaimsPrincipal principal, ISender mediator,
        CancellationToken ct)
    {
        if (!query.TryRead(out var q, out var refusal)) return refusal;
        return (await mediator.Send(new ListJobBuckets(principal.ToCaller(), jobId, q.ToPage()), ct)).ToHttp(p => Results.Ok(JobBucketListResponse.From(p)));
    }

    private static async Task<IResult> Wipe([FromRoute(Name = "job_id")] string jobId, ClaimsPrincipal principal, ISender mediator, CancellationToken ct) =>
        (await mediator.Send(new WipeJobBuckets(principal.ToCaller(), jobId), ct)).ToHttp(n => Results.Ok(new WipedResponse(true, n)));

    private static async Task<IResult> Get([FromRoute(Name = "job_id")] string jobId, [FromRoute(Name = "device_id")] string deviceId, ClaimsPrincipal principal,
        ISender mediator, CancellationToken ct) =>
        (await mediator.Send(new GetJobBucket(principal.ToCaller(), jobId, deviceId), ct)).ToHttp(b => Results.Ok(new JobBucketEnvelope(JobBucketResponse.From(b))));

    private static async Task<IResult> Replace([FromRoute(Name = "job_id")] string jobId, [FromRoute(Name = "device_id")] string deviceId,
        Body<ReplaceBucketRequest> body, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var r, out var refusal, e => Error.Validation([ReplaceJobBucketHandler.InvalidData, .. e.Messages]).ToHttp())) return refusal;
        return (await mediator.Send(new ReplaceJobBucket(principal.ToCaller(), jobId, deviceId, r.Data!), ct))
            .ToHttp(b => Results.Ok(new JobBucketEnvelope(JobBucketResponse.From(b))));
    }

    private static async Task<IResult> Delete([FromRoute(Name = "job_id")] string jobId, [FromRoute(Name = "device_id")] string deviceId,
        ClaimsPrincipal principal, ISender mediator, CancellationToken ct) =>
        (await mediator.Send(new DeleteJobBucket(principal.ToCaller(), jobId, deviceId), ct)).ToHttp(() => Results.Ok(new SuccessResponse(true)));

    private static async Task<IResult> Read(Body<ReadDeviceBucketRequest> body, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        // The body is optional (an agent's token names its device): none is an empty one; a malformed field is a 400.
        var noBody = body.Bound.Errors is [ContractReader.NotAnObject];
        if (!noBody && !body.TryRead(out _, out var refusal)) return refusal;
        return (await mediator.Send(new ReadDeviceBucket(principal.ToCaller(), body.Bound.Value?.RemoteDeviceId), ct)).ToHttp(b => Results.Ok(new DeviceBucketResponse(b)));
    }

    private static async Task<IResult> Merge(Body<MergeDeviceBucketRequest> body, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var r, out var refusal, e => Error.Validation([InvalidDeviceData, .. e.Messages]).ToHttp())) return refusal;
        return (await mediator.Send(new MergeDeviceBucket(principal.ToCaller(), r.RemoteDeviceId, r.Data!), ct))
            .ToHttp(b => Results.Ok(new MergedDeviceBucketResponse(true, b)));
    }
}
