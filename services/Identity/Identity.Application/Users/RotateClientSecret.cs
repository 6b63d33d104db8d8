using Identity.Application.Ports;
using Mediator;
using Platform.Application.Results;

namespace Identity.Application.Users;

/// <summary>
/// Route 67: the caller's API client (the one its token was issued to) gets a new secret, shown this once; the old one
/// stops working at once (tokens already issued with it run out within their lifetime).
/// </summary>
public sealed record RotateClientSecret(string UserId, string ClientId) : ICommand<Result<RotatedSecret>>;

public sealed record RotatedSecret(string ClientId, string Secret);

public sealed class RotateClientSecretHandler(IUserRepository users, IClientSecrets secrets, TimeProvider clock)
    : ICommandHandler<RotateClientSecret, Result<RotatedSecret>>
{
    public async ValueTask<Result<RotatedSecret>> Handle(RotateClientSecret command, CancellationToken cancellationToken)
    {
        var (_, secret, hash) = secrets.Create();
        return await users.ReplaceClientSecretAsync(command.UserId, command.ClientId, hash, clock.GetUtcNow().UtcDateTime, cancellationToken)
            ? new RotatedSecret(command.ClientId, secret)
            : Error.NotFound("The token's API client is not one of yours");
    }
}
