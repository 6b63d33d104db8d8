using Identity.Application.Ports;
using Mediator;
using Platform.Application.Results;

namespace Identity.Application.Tokens;

/// <summary>The OAuth 2.0 client credentials grant (RFC 6749 §4.4).</summary>
public sealed record IssueToken(string? GrantType, string? ClientId, string? ClientSecret) : ICommand<Result<AccessToken>>;

/// <summary>RFC 6749 §5.2 error codes; a failed <see cref="IssueToken"/> carries one as its first message, the description second.</summary>
public static class OAuthErrors
{
    public const string InvalidRequest = "invalid_request";
    public const string InvalidClient = "invalid_client";
    public const string UnsupportedGrantType = "unsupported_grant_type";

    public static Error Of(string code, string description) =>
        code == InvalidClient ? new Error(ErrorKind.Unauthorized, [code, description]) : new Error(ErrorKind.Validation, [code, description]);
}

/// <remarks>
/// A client id is either one of a user's API clients (the token acts for the user) or a registered device's
/// <c>remote_device_id</c> (an agent token: it acts for the device's owner and carries the device's id).
/// </remarks>
public sealed class IssueTokenHandler(IUserRepository users, IDeviceCredentials devices, IClientSecrets secrets, ITokenIssuer tokens)
    : ICommandHandler<IssueToken, Result<AccessToken>>
{
    public const string ClientCredentials = "client_credentials";

    public async ValueTask<Result<AccessToken>> Handle(IssueToken command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(command.GrantType))
            return OAuthErrors.Of(OAuthErrors.InvalidRequest, "grant_type is required");
        if (command.GrantType != ClientCredentials)
            return OAuthErrors.Of(OAuthErrors.UnsupportedGrantType, "Only client_credentials is supported");
        if (string.IsNullOrEmpty(command.ClientId) || string.IsNullOrEmpty(command.ClientSecret))
            return OAuthErrors.Of(OAuthErrors.InvalidClient, "Client authentication failed");

        var user = await users.FindByClientIdAsync(command.ClientId, cancellationToken);
        var client = user?.Clients.FirstOrDefault(c => c.ClientId == command.ClientId);
        if (user is not null && client is not null)
            return secrets.Verify(command.ClientSecret, client.SecretHash) ? tokens.Issue(user, client.ClientId) : Refused;

        var device = Guid.TryParse(command.ClientId, out var deviceId) ? await devices.FindAsync(deviceId.ToString(), cancellationToken) : null;
        if (device is not { SecretHash: { } deviceSecret } || !secrets.Verify(command.ClientSecret, deviceSecret)) return Refused;
        var owner = await users.GetAsync(device.OwnerId, cancellationToken);
        return owner is null ? Refused : tokens.Issue(owner, device.RemoteDeviceId, device.RemoteDeviceId);
    }

    private static Error Refused => OAuthErrors.Of(OAuthErrors.InvalidClient, "Client authentication failed");
}
