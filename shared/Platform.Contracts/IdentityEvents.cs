namespace Platform.Contracts.Identity;

/// <summary>A user signed up. Payments opens accounts from it; Jobs keeps the user directory it shares jobs with.</summary>
public sealed record UserRegistered(
    string UserId,
    string Email,
    string Name,
    string Country,
    string? ReferrerId) : IntegrationEvent;
