using Devices.Application.Ports;
using Devices.Domain.Devices;
using FluentValidation;
using Mediator;
using Platform.Application;
using Platform.Application.Countries;
using Platform.Application.Results;

namespace Devices.Application.Devices;

/// <summary>
/// An owner registers a phone. It gets a new <c>remote_device_id</c>, a unique two-word name and a secret shown only
/// in this answer; <c>DeviceRegistered</c> lets Identity issue the credentials its agent signs in with. A registered
/// device is offline and off the market until its agent's first heartbeat and the owner's settings.
/// </summary>
public sealed record RegisterDevice(Caller Caller, DeviceSpecs Specs, string? PhoneNumber) : ICommand<Result<RegisteredDevice>>;

/// <summary>The registration's answer: the secret is here and nowhere else.</summary>
public sealed record RegisteredDevice(string RemoteDeviceId, string Name, string DeviceSecret);

public sealed class RegisterDeviceValidator : AbstractValidator<RegisterDevice>
{
    public RegisterDeviceValidator()
    {
        RuleFor(x => x.Specs.Country).Must(CountryCodes.IsValid).WithMessage("country must be an ISO 3166 alpha-2 country code");
        RuleFor(x => x.Specs.NetworkType).Must(DeviceRules.NetworkTypes.Contains)
            .WithMessage($"networkType must be one of: {string.Join(", ", DeviceRules.NetworkTypes)}");
        RuleFor(x => x.PhoneNumber).Matches(PhoneCodes.E164).WithMessage(PhoneCodes.NotE164)
            .When(x => x.PhoneNumber is not null);
    }
}

public sealed class RegisterDeviceHandler(IDeviceRepository devices, IDeviceSecrets secrets, TimeProvider clock)
    : ICommandHandler<RegisterDevice, Result<RegisteredDevice>>
{
    public async ValueTask<Result<RegisteredDevice>> Handle(RegisterDevice command, CancellationToken cancellationToken)
    {
        var (secret, hash) = secrets.Create();
        var specs = command.Specs with { Country = CountryCodes.Normalize(command.Specs.Country) };
        var id = Guid.NewGuid().ToString();
        var now = clock.GetUtcNow().UtcDateTime;
        // Names are unique in the store: a name someone else drew first is drawn again.
        for (var attempt = 0; ; attempt++)
        {
            var device = Device.Register(id, command.Caller.UserId, DeviceNames.Draw(Random.Shared, attempt), specs, command.PhoneNumber, hash, now);
            if (await devices.TryAddAsync(device, cancellationToken)) return new RegisteredDevice(device.Id, device.Name, secret);
        }
    }
}
