using System.Text.Json.Serialization;
using Identity.Application.Users;

namespace Identity.Api.Contracts;

public sealed record RegisterRequest(
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("country")] string Country,
    [property: JsonPropertyName("referrer_id")] string? ReferrerId);

public sealed record RegisterResponse(
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret);

public sealed record TokenRequest(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret);

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
    [property: JsonPropertyName("rating")] decimal Rating,
    [property: JsonPropertyName("added")] DateTime Added)
{
    public static UserProfileResponse From(UserProfile p) => new(p.UserId, p.Email, p.Name, p.Country, p.ReferrerId, p.Rating, p.RegisteredAt);
}
