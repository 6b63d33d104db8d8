namespace Platform.Application;

/// <summary>Who is calling a use case, as the access token says: the user, and for agents the device and running task.</summary>
public sealed record Caller(string UserId, string? Name, string? Country, string? RemoteDeviceId = null, string? JobTaskId = null)
{
    /// <summary>The refusal of a route for agents when the caller's token is a user's (the reference's words for route 22).</summary>
    public const string NotBoundToDevice = "Token is not bound to a device";
}
