using Platform.Persistence;

namespace Identity.Infrastructure.Persistence;

public sealed class UserDocument : Document
{
    public string Email { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string Country { get; set; } = string.Empty;
    public string PasswordHash { get; set; } = string.Empty;
    public string? ReferrerId { get; set; }
    /// <summary>The user's tasks reviewed to a verdict (confirmed or declined), and the confirmed ones: their rating.</summary>
    public long ReviewedTasks { get; set; }
    public long ConfirmedTasks { get; set; }
    public DateTime RegisteredAt { get; set; }
    public List<ApiClientDocument> Clients { get; set; } = [];
}

public sealed class ApiClientDocument
{
    public string ClientId { get; set; } = string.Empty;
    public string SecretHash { get; set; } = string.Empty;
    public DateTime IssuedAt { get; set; }
}
