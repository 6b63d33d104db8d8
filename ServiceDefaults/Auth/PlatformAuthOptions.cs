namespace Platform.ServiceDefaults.Auth;

/// <summary>
/// How tokens are validated (section "Auth"). By default the signing keys come from Identity's JWKS through service
/// discovery; production may pin <see cref="PublicKeyPem"/> instead.
/// </summary>
public sealed class PlatformAuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "platform-identity";
    public string Audience { get; set; } = "platform-api";
    public string MetadataAddress { get; set; } = "http://identity/.well-known/openid-configuration";
    public string? PublicKeyPem { get; set; }
}
