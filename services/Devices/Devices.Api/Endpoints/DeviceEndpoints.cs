using System.Security.Claims;
using Devices.Api.Contracts;
using Devices.Application.Devices;
using Devices.Domain.Devices;
using Mediator;
using Platform.Api;
using Platform.Api.Binding;
using Platform.Application.Paging;
using Platform.Application.Results;

namespace Devices.Api.Endpoints;

/// <summary>Routes 20, 21, 48 and 49: an owner's devices and the market. Each binds its contract, sends one use case and maps the result.</summary>
public static class DeviceEndpoints
{
    public const string NameNotWritable = "name is system-generated and can't be changed";

    public static IEndpointRouteBuilder MapDeviceEndpoints(this IEndpointRouteBuilder app)
    {
        var devices = app.MapGroup("/api/v1/devices").WithTags("Devices");
        devices.MapGet("", List).WithName("ListDevices")
            .Produces<List<DeviceResponse>>()
            .WithSummary("The caller's devices (and the live-payment devices they rent).");
        devices.MapGet("/market", Market).WithName("ListMarketDevices")
            .Produces<List<MarketDeviceResponse>>().Produces<ErrorBody>(400)
            .WithSummary("Online devices on the market with action payment (or, with payment_type=live, those for rent), sorted by country; isAvailable is false while a job task runs on one.");
        devices.MapPost("/register", Register).WithName("RegisterDevice")
            .Produces<RegisterDeviceResponse>(201).Produces<ErrorBody>(400)
            .WithSummary("Register a phone: its remote_device_id, a unique two-word name and the device secret (shown once) its agent signs in with at the token endpoint.");
        devices.MapPatch("/{remote_device_id}", ChangeSettings).WithName("ChangeDeviceSettings")
            .Produces<DeviceResponse>().Produces<ErrorBody>(400).Produces<ErrorBody>(404)
            .WithSummary("The owner's settings: market listing, payment type, hourly rate, accepted automations. The name is never writable.");
        devices.MapPost("/{remote_device_id}/phone-number/verification", SendPhoneCode).WithName("SendPhoneVerificationCode")
            .Produces<PhoneCodeSentResponse>(202).Produces<ErrorBody>(400).Produces<ErrorBody>(404).Produces<ErrorBody>(409)
            .WithSummary("Send a 6-digit code to the device's phone number (or to a new one, which replaces it) by text message; one a minute, good for 10 minutes.");
        devices.MapPost("/{remote_device_id}/phone-number/verify", EnterPhoneCode).WithName("VerifyPhoneNumber")
            .Produces<PhoneVerifiedResponse>().Produces<ErrorBody>(400).Produces<ErrorBody>(404)
            .WithSummary("Enter the code: the number is verified, and the device's agent can read it (route 22). Five wrong codes void it.");
        return app;
    }

    private static async Task<IResult> SendPhoneCode(string remote_device_id, Body<PhoneCodeRequest> body, ClaimsPrincipal principal, ISender mediator,
        CancellationToken ct)
    {
        if (!body.TryRead(out var r, out var refusal)) return refusal;
        return (await mediator.Send(new Application.Devices.SendPhoneCode(principal.ToCaller(), remote_device_id, r.PhoneNumber?.Trim()), ct))
            .ToHttp(sent => Results.Json(new PhoneCodeSentResponse(true, sent.SentTo, (int)sent.ValidFor.TotalSeconds), statusCode: StatusCodes.Status202Accepted));
    }

    private static async Task<IResult> EnterPhoneCode(string remote_device_id, Body<PhoneCodeEntry> body, ClaimsPrincipal principal, ISender mediator,
        CancellationToken ct)
    {
        if (!body.TryRead(out var r, out var refusal)) return refusal;
        return (await mediator.Send(new Application.Devices.EnterPhoneCode(principal.ToCaller(), remote_device_id, r.Code!.Trim()), ct))
            .ToHttp(d => Results.Ok(new PhoneVerifiedResponse(true, d.PhoneNumber!.Number, d.PhoneNumber.Verified)));
    }

    private static async Task<IResult> List(ClaimsPrincipal principal, ISender mediator, CancellationToken ct) =>
        (await mediator.Send(new ListMyDevices(principal.ToCaller()), ct)).ToHttp(list => Results.Ok(list.Select(DeviceResponse.From).ToList()));

    private static async Task<IResult> Market(Query<MarketQuery> query, ISender mediator, CancellationToken ct)
    {
        if (!query.TryRead(out var q, out var refusal)) return refusal;
        var direction = q.SortDirection == "desc" ? SortDirection.Descending : SortDirection.Ascending;
        var paymentType = q.PaymentType is null ? DevicePaymentType.Action : DeviceRules.ParsePaymentType(q.PaymentType);
        return (await mediator.Send(new ListMarketDevices(q.Country, direction, paymentType), ct))
            .ToHttp(list => Results.Ok(list.Select(MarketDeviceResponse.From).ToList()));
    }

    private static async Task<IResult> Register(Body<RegisterDeviceRequest> body, ClaimsPrincipal principal, ISender mediator, CancellationToken ct)
    {
        if (!body.TryRead(out var r, out var refusal)) return refusal;
        var specs = new DeviceSpecs(r.Brand!.Trim(), r.Model!.Trim(), r.Country!, r.IsEmulator!.Value, r.NetworkType!, r.NumberOfCores!.Value, r.RamMb!.Value,
            r.Processor!.Trim(), r.SdkVersion!.Trim(), r.Version!.Trim());
        return (await mediator.Send(new RegisterDevice(principal.ToCaller(), specs, r.PhoneNumber?.Trim()), ct))
            .ToHttp(d => Results.Json(RegisterDeviceResponse.From(d), statusCode: StatusCodes.Status201Created));
    }

    private static async Task<IResult> ChangeSettings(string remote_device_id, Body<DeviceSettingsRequest> body, ClaimsPrincipal principal, ISender mediator,
        CancellationToken ct)
    {
        if (!body.TryRead(out var r, out var refusal)) return refusal;
        if (r.Name is not null) return Error.Validation(NameNotWritable).ToHttp();
        var paymentType = r.PaymentType is null ? (DevicePaymentType?)null : DeviceRules.ParsePaymentType(r.PaymentType);
        return (await mediator.Send(new ChangeDeviceSettings(principal.ToCaller(), remote_device_id, r.IsOnMarket, paymentType, r.HourlyRate, r.Automations), ct))
            .ToHttp(d => Results.Ok(DeviceResponse.From(d)));
    }
}
