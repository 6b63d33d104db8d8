using FluentValidation;
using Mediator;
using Platform.Application;
using Platform.Application.Results;
using Proxy.Application.Ports;
using Proxy.Domain.Connections;

namespace Proxy.Application.Connections;

/// <summary>
/// Route 24: a new credential (a UUID connectionId and a 16-character password) routed through a device the caller
/// owns; the plain password is in the answer (and in the owner's list), the nodes get only its hash.
/// </summary>
public sealed record CreateConnection(Caller Caller, string DeviceId, string? Name) : ICommand<Result<CreatedConnection>>;

/// <summary>The new connection and its password in plain text.</summary>
public sealed record CreatedConnection(ProxyConnection Connection, string Password);

public sealed class CreateConnectionValidator : AbstractValidator<CreateConnection>
{
    public CreateConnectionValidator() =>
        RuleFor(x => x.Name).MaximumLength(ProxyConnection.MaxNameLength).WithMessage($"name must be at most {ProxyConnection.MaxNameLength} characters");
}

public sealed class CreateConnectionHandler(IConnectionRepository connections, IProxyDevices devices, ConnectionPasswords passwords, TimeProvider clock)
    : ICommandHandler<CreateConnection, Result<CreatedConnection>>
{
    public async ValueTask<Result<CreatedConnection>> Handle(CreateConnection command, CancellationToken cancellationToken)
    {
        if (await devices.OwnedDeviceAsync(command.Caller, command.DeviceId, cancellationToken) is not { } device)
            return Error.NotFound(ConnectionAccess.DeviceNotFound);
        var password = passwords.Issue();
        var connection = ProxyConnection.Create(Guid.NewGuid().ToString(), command.Caller.UserId, command.Name, device.Id, password.Protected, password.Hash,
            clock.GetUtcNow().UtcDateTime);
        await connections.AddAsync(connection, cancellationToken);
        return new CreatedConnection(connection, password.Plain);
    }
}
