using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Proxy.Application.Ports;
using Proxy.Domain.Connections;

namespace Proxy.Application.Connections;

/// <summary>Route 26: a new password, same id; open sessions go on.</summary>
public sealed record RotateConnectionPassword(Caller Caller, string ConnectionId) : ICommand<Result<string>>;

public sealed class RotateConnectionPasswordHandler(IConnectionRepository connections, IProxyDevices devices, ConnectionPasswords passwords)
    : ICommandHandler<RotateConnectionPassword, Result<string>>
{
    public async ValueTask<Result<string>> Handle(RotateConnectionPassword command, CancellationToken cancellationToken)
    {
        var password = passwords.Issue();
        var rotated = await connections.ChangeAsync(devices, command.Caller, command.ConnectionId, c => c.RotatePassword(password.Protected, password.Hash),
            cancellationToken);
        return rotated.IsSuccess ? password.Plain : rotated.Error!;
    }
}
