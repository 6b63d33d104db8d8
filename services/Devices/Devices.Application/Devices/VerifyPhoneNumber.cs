using System.Security.Cryptography;
using System.Text;
using Devices.Application.Ports;
using Devices.Domain.Devices;
using FluentValidation;
using Mediator;
using Platform.Application;
using Platform.Application.Results;

namespace Devices.Application.Devices;

/// <summary>
/// How a device's phone number gets verified (route 22 shows it to the agent only then): the owner asks for a code,
/// which goes to the number as a text message (optionally to a new number, which replaces the stored one unverified);
/// entering it within 10 minutes verifies the number. One code a minute; five wrong codes void it.
/// </summary>
public sealed record SendPhoneCode(Caller Caller, string RemoteDeviceId, string? PhoneNumber) : ICommand<Result<SentPhoneCode>>;

/// <summary>Where the code went (the number, masked) and for how long it is good.</summary>
public sealed record SentPhoneCode(string SentTo, TimeSpan ValidFor);

/// <summary>The owner enters the code they received.</summary>
public sealed record EnterPhoneCode(Caller Caller, string RemoteDeviceId, string Code) : ICommand<Result<Device>>;

public sealed class SendPhoneCodeValidator : AbstractValidator<SendPhoneCode>
{
    public SendPhoneCodeValidator() =>
        RuleFor(x => x.PhoneNumber).Matches(PhoneCodes.E164).WithMessage(PhoneCodes.NotE164).When(x => x.PhoneNumber is not null);
}

public sealed class EnterPhoneCodeValidator : AbstractValidator<EnterPhoneCode>
{
    public EnterPhoneCodeValidator() => RuleFor(x => x.Code).Matches("^[0-9]{6}$").WithMessage("code must be the 6 digits sent to the phone");
}

public sealed class SendPhoneCodeHandler(IDeviceRepository devices, IPhoneMessages messages, TimeProvider clock) : ICommandHandler<SendPhoneCode, Result<SentPhoneCode>>
{
    public const string VerifiedAlready = "The device's phone number is verified already";

    public async ValueTask<Result<SentPhoneCode>> Handle(SendPhoneCode command, CancellationToken cancellationToken)
    {
        var owned = await devices.OwnedAsync(command.Caller, command.RemoteDeviceId, cancellationToken);
        if (!owned.IsSuccess) return owned.Error!;
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var now = clock.GetUtcNow().UtcDateTime;
        Error? refusal = null;
        var device = await devices.ChangeAsync(owned.Value, d =>
        {
            refusal = RefusalFor(d, command.PhoneNumber, now);
            if (refusal is not null) return false;
            d.SendPhoneCode(command.PhoneNumber, PhoneCodes.Hash(d.Id, code), now);
            return true;
        }, cancellationToken);
        if (device is null) return Error.NotFound(DeviceAccess.NotFound);
        if (refusal is not null) return refusal;
        messages.SendVerificationCode(device.PhoneNumber!.Number, code, PhoneVerification.CodeLifetime);
        return new SentPhoneCode(PhoneCodes.Mask(device.PhoneNumber.Number), PhoneVerification.CodeLifetime);
    }

    private static Error? RefusalFor(Device device, string? newNumber, DateTime now)
    {
        var number = newNumber ?? device.PhoneNumber?.Number;
        if (number is null) return Error.Validation(Device.NoPhoneNumber);
        if (device.PhoneNumber is { Verified: true } phone && phone.Number == number) return Error.Conflict(VerifiedAlready);
        if (device.PhoneVerification is { } sent && now - sent.SentAt < PhoneVerification.ResendAfter)
            return Error.Conflict($"A code was sent less than a minute ago; ask again in {Math.Ceiling((PhoneVerification.ResendAfter - (now - sent.SentAt)).TotalSeconds)} s");
        return null;
    }
}

public sealed class EnterPhoneCodeHandler(IDeviceRepository devices, TimeProvider clock) : ICommandHandler<EnterPhoneCode, Result<Device>>
{
    public const string WrongCode = "The code is not the one sent";
    public const string TooManyWrong = "Too many wrong codes: this one is void, ask for a new one";
    public const string Expired = "The code has expired; ask for a new one";
    public const string NoCode = "No code was sent to this device's number; ask for one first";

    public async ValueTask<Result<Device>> Handle(EnterPhoneCode command, CancellationToken cancellationToken)
    {
        var owned = await devices.OwnedAsync(command.Caller, command.RemoteDeviceId, cancellationToken);
        if (!owned.IsSuccess) return owned.Error!;
        var check = PhoneCodeCheck.NoCode;
        var device = await devices.ChangeAsync(owned.Value, d =>
        {
            check = d.CheckPhoneCode(PhoneCodes.Hash(d.Id, command.Code), clock.GetUtcNow().UtcDateTime);
            return check != PhoneCodeCheck.NoCode;
        }, cancellationToken);
        return check switch
        {
            PhoneCodeCheck.Verified => device!,
            PhoneCodeCheck.Wrong => Error.Validation(WrongCode),
            PhoneCodeCheck.TooManyWrong => Error.Validation(TooManyWrong),
            PhoneCodeCheck.Expired => Error.Validation(Expired),
            _ => Error.Validation(NoCode),
        };
    }
}

/// <summary>The phone numbers' spelling, and how a code is kept (never in clear) and shown.</summary>
public static class PhoneCodes
{
    public const string E164 = @"^\+[1-9][0-9]{6,14}$";
    public const string NotE164 = "phoneNumber must be an E.164 number such as +14155550123";

    /// <summary>The code's SHA-256 with the device's id, in hex: a code for one device is no code for another.</summary>
    public static string Hash(string deviceId, string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{deviceId}:{code}")));

    /// <summary>The number with all but its country code's first digits and its last four hidden: +1415•••0123.</summary>
    public static string Mask(string number) => number.Length <= 8 ? number : $"{number[..5]}•••{number[^4..]}";
}
