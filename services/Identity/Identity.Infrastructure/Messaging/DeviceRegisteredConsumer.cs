using Identity.Application.Devices;
using Mediator;
using Platform.Application.Results;
using Platform.Contracts.Devices;
using Platform.Messaging;
using Platform.Persistence.Inbox;

namespace Identity.Infrastructure.Messaging;

/// <summary>Issues a registered device's credentials, so its agent can sign in at the token endpoint.</summary>
public sealed class DeviceRegisteredConsumer(Inbox inbox, ISender sender) : IntegrationEventConsumer<DeviceRegistered>(inbox, sender)
{
    protected override ICommand<Result> ToCommand(DeviceRegistered m) => new IssueDeviceCredential(m.Device.RemoteDeviceId, m.Device.OwnerId, m.SecretHash);
}
