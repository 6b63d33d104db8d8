namespace Jobs.Domain.Jobs;

/// <summary>The limits a job must respect; validators and the aggregate read them from here.</summary>
public static class JobRules
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 10_000;
    public const int MinDurationDays = 1;
    public const int MaxDurationDays = 3650;
    public const int MinPositions = 1;
    public const int MaxPositions = 1_000_000;
    public const int MaxPriceDecimals = 4;
    public const int MaxJobPriceWhole = 1_000_000;
    public const decimal MaxJobPrice = MaxJobPriceWhole;
    public const string Worldwide = "worldwide";
    public const int MaxRating = 100;
    public const int MaxListedWorkers = 1000;
    public const int MaxProofFiles = 10;
    public const int MaxProofFileNameLength = 50;

    public const string Manual = "manual";
    public const string DevicesAutomation = "devices_automation";
    public static readonly IReadOnlyList<string> JobTypes = [Manual, DevicesAutomation];
    public static readonly IReadOnlyList<string> PaymentTypes = ["action", "live"];

    /// <summary>The documented job categories; input is matched case-insensitively and stored in this spelling.</summary>
    public static readonly IReadOnlyList<string> Categories =
    [
        "Google", "YouTube", "Facebook", "Instagram", "TikTok", "Twitter", "Telegram", "Discord", "Reddit", "LinkedIn",
        "Sign up", "Mobile App", "Website", "Review", "Survey", "Data Entry", "Engineering", "Testing", "Other",
    ];

    public static string? CanonicalCategory(string value) =>
        Categories.FirstOrDefault(c => string.Equals(c, value.Trim(), StringComparison.OrdinalIgnoreCase));

    public static int DecimalPlaces(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;

    public static bool HasAtMostDecimals(decimal value, int places) => decimal.Round(value, places) == value;

    /// <summary>"type/subtype" or "type/*", lower or upper case letters, digits and the usual punctuation.</summary>
    public static bool IsMediaTypePattern(string value)
    {
        var parts = value.Trim().Split('/');
        return parts.Length == 2 && parts.All(p => p.Length is > 0 and <= 63) && (parts[1] == "*" || IsToken(parts[1])) && IsToken(parts[0]);

        static bool IsToken(string part) => part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '+' or '.' or '_');
    }
}
