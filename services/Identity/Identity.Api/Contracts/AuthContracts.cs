using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Identity.Application.Users;
using Platform.Api.Binding;
using Platform.Application.Countries;

namespace Identity.Api.Contracts;

/// <summary>The sign-up body (route 3).</summary>
public sealed record RegisterRequest
{
    [JsonPropertyName("email"), Required, StringLength(254), Description("Unique, whatever its case.")]
    public string? Email { get; init; }

    [JsonPropertyName("password"), Required, StringLength(RegisterUserValidator.MaxPasswordLength, MinimumLength = RegisterUserValidator.MinPasswordLength)]
    public string? Password { get; init; }

    [JsonPropertyName("name"), Required, StringLength(100)]
    public string? Name { get; init; }

    [JsonPropertyName("country"), Required, OneOf(typeof(CountryCodes), nameof(CountryCodes.All), ErrorMessage = "{0} must be an ISO 3166 alpha-2 code")]
    public string? Country { get; init; }

    [JsonPropertyName("referrer_id"), Description("The user who referred this one (they earn the referral bonus).")]
    public string? ReferrerId { get; init; }

    public RegisterUser ToCommand() => new(Email!, Password!, Name!, Country!, ReferrerId);
}

public sealed record RegisterResponse(
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret);

/// <summary>The token request (RFC 6749 4.4), form-encoded; the client may authenticate with HTTP Basic instead of the two client fields.</summary>
public sealed record TokenRequest
{
    [JsonPropertyName("grant_type"), Required, OneOf("client_credentials")]
    public string? GrantType { get; init; }

    [JsonPropertyName("client_id"), Description("Required unless sent with HTTP Basic.")]
    public string? ClientId { get; init; }

    [JsonPropertyName("client_secret"), Description("Required unless sent with HTTP Basic.")]
    public string? ClientSecret { get; init; }
}

public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

public sealed record OAuthErrorResponse(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);

public sealed record UserProfileResponse(
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("country")] string Country,
    [property: JsonPropertyName("referrer_id")] string? ReferrerId,
    [property: JsonPropertyName("rating")][property: System.ComponentModel.Description("0–100: the share of the user's reviewed tasks that were confirmed; 100 before any review.")] int Rating,
    [property: JsonPropertyName("added")] DateTime Added)
{
    public static UserProfileResponse From(UserProfile p) => new(p.UserId, p.Email, p.Name, p.Country, p.ReferrerId, p.Rating, p.RegisteredAt);
}

/// <summary>The internal task-token route's body.</summary>
public sealed record TaskTokenRequest
{
    [JsonPropertyName("job_task_id"), Required, StringLength(24)]
    public string? JobTaskId { get; init; }
}
