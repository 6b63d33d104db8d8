using System.Security.Claims;

namespace Platform.ServiceDefaults.Auth;

/// <summary>The claims the platform's tokens carry.</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string TokenId = "jti";
    public const string Name = "name";
    public const string Country = "country";
    public const string ClientId = "client_id";
    public const string RemoteDeviceId = "remote_device_id";
    public const string JobTaskId = "job_task_id";
}
