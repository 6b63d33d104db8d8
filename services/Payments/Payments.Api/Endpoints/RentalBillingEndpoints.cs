using System.Security.Claims;
using Mediator;
using Payments.Api.Contracts;
using Payments.Application.Rentals;
using Platform.Api;
using Platform.Api.Binding;
using Platform.Application.Results;

namespace Payments.Api.Endpoints;

/// <summary>
/// Rental billing, for the Devices service only: an internal route the gateway never forwards (it is in no route list),
/// called with the renter's token, which Devices forwards as a user rents a device (route 59). The first hour is paid
/// here, or the rental is refused (400); the following hours are billed by the rental sweep.
/// </summary>
public static class RentalBillingEndpoints
{
    public const string Path = "/internal/rentals";

    public static IEndpointRouteBuilder MapRentalBillingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, Open).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Open(Body<OpenRentalRequest> body, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var r, out var refusal)) return refusal;
        if (r.StartedAtUtc() is not { } startedAt) return Error.Validation("started_at must be an ISO 8601 date and time").ToHttp();
        var open = new OpenRentalBilling(principal.ToCaller(), r.RentalId!, r.RemoteDeviceId!, r.OwnerId!, r.HourlyRate!.Value, startedAt);
        return (await mediator.Send(open, ct)).ToHttp(b => Results.Ok(new RentalBillingResponse(b.Id, b.HourlyRate, b.FeePerHour, b.HoursBilled)));
    }
}
