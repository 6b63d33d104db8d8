using FluentValidation;
using Identity.Application.Ports;
using Identity.Domain.Devices;
using Mediator;
using Platform.Application.Results;

namespace Identity.Application.Devices;

/// <summary>An owner registered a device (Devices' DeviceRegistered): its agent may now sign in with the device's secret.</summary>
public sealed record IssueDeviceCredential(string RemoteDeviceId, string OwnerId, string SecretHash) : ICommand<Result>;

public sealed class IssueDeviceCredentialValidator : AbstractValidator<IssueDeviceCredential>
{
    public IssueDeviceCredentialValidator()
    {
        RuleFor(x => x.RemoteDeviceId).NotEmpty().WithMessage("remote_device_id is required");
        RuleFor(x => x.OwnerId).NotEmpty().WithMessage("owner_id is required");
        RuleFor(x => x.SecretHash).Matches("^[0-9a-f]{64}$").WithMessage("the secret hash must be a SHA-256 in lower-case hex");
    }
}

public sealed class IssueDeviceCredentialHandler(IDeviceCredentials credentials, TimeProvider clock) : ICommandHandler<IssueDeviceCredential, Result>
{
    public async ValueTask<Result> Handle(IssueDeviceCredential command, CancellationToken cancellationToken)
    {
        await credentials.AddAsync(new DeviceCredential(command.RemoteDeviceId, command.OwnerId, command.SecretHash, clock.GetUtcNow().UtcDateTime),
            cancellationToken);
        return Result.Success();
    }
}
