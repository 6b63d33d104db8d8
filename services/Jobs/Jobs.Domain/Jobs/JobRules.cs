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
}
