using System.Security.Claims;
using Devices.Api.Contracts;
using Devices.Application.Rentals;
using Mediator;
using Platform.Api;

namespace Devices.Api.Endpoints;

/// <summary>Route 59: renting another owner's live-payment device by the hour, and ending the rental.</summary>
public static class RentalEndpoints
{
    public static IEndpointRouteBuilder MapRentalEndpoints(this IEndpointRouteBuilder app)
    {
        var rental = app.MapGroup("/api/v1/devices/{remote_device_id}/rental").WithTags("Devices");
        rental.MapPost("", Rent).WithName("RentDevice")
            .Produces<RentalResponse>(201).Produces<ErrorBody>(400).Produces<ErrorBody>(404).Produces<ErrorBody>(409).Produces<ErrorBody>(503)
            .WithSummary("Rent another owner's online device that is on the market with live payment: its first hour is paid now from your balance, each hour that starts after it when it starts.");
        rental.MapDelete("", End).WithName("EndRental")
            .Produces<EndedRentalResponse>().Produces<ErrorBody>(404)
            .WithSummary("End your rental of the device now; the hours that started are billed, none after.");
        return app;
    }

    private static async Task<IResult> Rent(string remote_device_id, ClaimsPrincipal principal, ISender mediator, CancellationToken ct) =>
        (await mediator.Send(new RentDevice(principal.ToCaller(), remote_device_id), ct))
        .ToHttp(r => Results.Json(RentalResponse.From(r.Device, r.Rental), statusCode: StatusCodes.Status201Created));

    private static async Task<IResult> End(string remote_device_id, ClaimsPrincipal principal, ISender mediator, CancellationToken ct) =>
        (await mediator.Send(new EndRental(principal.ToCaller(), remote_device_id), ct)).ToHttp(e => Results.Ok(EndedRentalResponse.From(e)));
}
