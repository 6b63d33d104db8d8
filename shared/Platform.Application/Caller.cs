namespace Platform.Application;

/// <summary>Who is calling a use case, as the access token says: the user, and for agents the device and running task.</summary>
public sealed record Caller(string UserId, string? Name, string? Country, string? RemoteDeviceId = null, string? JobTaskId = null);
