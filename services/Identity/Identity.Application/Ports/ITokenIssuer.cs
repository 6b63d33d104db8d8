using Identity.Domain.Users;

namespace Identity.Application.Ports;

public sealed record AccessToken(string Token, int ExpiresInSeconds);

/// <summary>
/// Signs access tokens for a user's client, or for a device's agent (<paramref name="remoteDeviceId"/>: an agent
/// token), narrowed to a running task with <paramref name="jobTaskId"/>.
/// </summary>
public interface ITokenIssuer
{
    AccessToken Issue(User user, string clientId, string? remoteDeviceId = null, string? jobTaskId = null);
}
