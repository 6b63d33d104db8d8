using System.Security.Cryptography;

namespace Platform.Application.Ids;

/// <summary>
/// Ids in the reference's form: 24 lower-case hex characters (a 4-byte time stamp, then 8 random bytes), so ids sort
/// roughly by creation and look like the MongoDB ids that clients already know.
/// </summary>
public static class ObjectIds
{
    public static string New(DateTimeOffset? at = null)
    {
        Span<byte> bytes = stackalloc byte[12];
        var seconds = (uint)(at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        bytes[0] = (byte)(seconds >> 24);
        bytes[1] = (byte)(seconds >> 16);
        bytes[2] = (byte)(seconds >> 8);
        bytes[3] = (byte)seconds;
        RandomNumberGenerator.Fill(bytes[4..]);
        return Convert.ToHexStringLower(bytes);
    }

    public static bool IsValid(string? id) =>
        id is { Length: 24 } && id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F');
}
