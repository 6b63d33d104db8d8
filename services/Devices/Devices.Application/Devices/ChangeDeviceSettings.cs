using Devices.Application.Ports;
using Devices.Domain.Devices;
using FluentValidation;
using Mediator;
using Platform.Application;
using Platform.Application.Results;

namespace Devices.Application.Devices;

/// <summary>
/// The owner changes how the device is offered: on the market or not, paid per task (action) or rented by the hour
/// (live, at <c>hourly_rate</c>), and which automations it runs (empty: all). What is null stays as it was. While the
/// device is rented, only its automations may change (409 otherwise).
/// </summary>
public sealed record ChangeDeviceSettings(Caller Caller, string RemoteDeviceId, bool? IsOnMarket, DevicePaymentType? PaymentType,
    decimal? HourlyRate, IReadOnlyList<string>? Automations) : ICommand<Result<Device>>;

public sealed class ChangeDeviceSettingsValidator : AbstractValidator<ChangeDeviceSettings>
{
    public ChangeDeviceSettingsValidator()
    {
        RuleForEach(x => x.Automations).Must(id => Guid.TryParse(id, out _)).WithMessage((_, id) => $"automations: '{id}' is not an automation id (a UUID)");
    }
}

public sealed class ChangeDeviceSettingsHandler(IDeviceRepository devices) : ICommandHandler<ChangeDeviceSettings, Result<Device>>
{
    public async ValueTask<Result<Device>> Handle(ChangeDeviceSettings command, CancellationToken cancellationToken)
    {
        var automations = command.Automations?.Select(id => Guid.Parse(id).ToString()).ToList();
        var found = await devices.OwnedAsync(command.Caller, command.RemoteDeviceId, cancellationToken);
        if (!found.IsSuccess) return found;
        // A heartbeat may write the device between our read and our write: it is read again and the change applied again.
        var rented = false;
        var device = await devices.ChangeAsync(found.Value, d =>
        {
            rented = d.Rental is not null && d.WouldChangeListing(command.IsOnMarket, command.PaymentType, command.HourlyRate);
            if (rented) return false;
            d.ChangeMarket(command.IsOnMarket, command.PaymentType, command.HourlyRate, automations);
            return d.DomainEvents.Count > 0;
        }, cancellationToken);
        if (device is null) return Error.NotFound(DeviceAccess.NotFound);
        return rented ? Error.Conflict(Device.RentedListingFixed) : device;
    }
}
