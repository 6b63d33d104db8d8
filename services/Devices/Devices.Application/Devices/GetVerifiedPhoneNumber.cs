using Devices.Application.Ports;
using Mediator;
using Platform.Application;
using Platform.Application.Results;

namespace Devices.Application.Devices;

/// <summary>Route 22: the agent's device's phone number, only once verified (null otherwise).</summary>
public sealed record GetVerifiedPhoneNumber(Caller Caller) : IQuery<Result<string?>>;

public sealed class GetVerifiedPhoneNumberHandler(IDeviceRepository devices) : IQueryHandler<GetVerifiedPhoneNumber, Result<string?>>
{
    public async ValueTask<Result<string?>> Handle(GetVerifiedPhoneNumber query, CancellationToken cancellationToken)
    {
        var found = await devices.OfAgentAsync(query.Caller, cancellationToken);
        return found.IsSuccess ? found.Value.VerifiedPhoneNumber : found.Error!;
    }
}
