using Identity.Application.Ports;
using Mediator;
using Platform.Application;
using Platform.Application.Ids;
using Platform.Application.Results;

namespace Identity.Application.Tokens;

/// <summary>
/// An agent asks (through Tasks, which forwards its token) for a task-scoped agent token: its own token's subject and
/// device, plus <paramref name="JobTaskId"/>. Identity does not know tasks; the token is only as good as the task,
/// because every route that takes one checks that the task runs on the token's device.
/// </summary>
public sealed record IssueTaskToken(Caller Caller, string JobTaskId) : ICommand<Result<AccessToken>>;

public sealed class IssueTaskTokenHandler(IUserRepository users, IDeviceCredentials devices, ITokenIssuer tokens) : ICommandHandler<IssueTaskToken, Result<AccessToken>>
{
    public async ValueTask<Result<AccessToken>> Handle(IssueTaskToken command, CancellationToken cancellationToken)
    {
        if (command.Caller.RemoteDeviceId is not { } deviceId) return Error.Forbidden("Only a device's agent token can be narrowed to a task");
        if (!ObjectIds.IsValid(command.JobTaskId)) return Error.Validation("job_task_id is not a task id");
        var device = await devices.FindAsync(deviceId, cancellationToken);
        var owner = await users.GetAsync(command.Caller.UserId, cancellationToken);
        if (device is null || owner is null || device.OwnerId != owner.Id) return Error.Forbidden("The token's device is not known");
        return tokens.Issue(owner, device.RemoteDeviceId, device.RemoteDeviceId, command.JobTaskId);
    }
}
