using System.Security.Cryptography;

namespace Platform.Application.Ids;

/// <summary>
/// Ids in the reference's form: 24 lower-case hex characters (a 4-byte time stamp, a per-process random part and a counter), so ids sort
/// roughly by creation and look like the MongoDB ids that clients already know.
/// </summary>
public static class ObjectIds
{
    private static readonly byte[] ProcessPart = RandomNumberGenerator.GetBytes(5);
    private static int _counter = RandomNumberGenerator.GetInt32(0, 0xFFFFFF);

    /// <summary>
    /// A new id as MongoDB makes them: 4 bytes of seconds, 5 random bytes fixed for the process, and a 3-byte counter,
    /// so ids made one after another by this process sort in the order they were made.
    /// </summary>
    public static string New(DateTimeOffset? at = null)
    {
        Span<byte> bytes = stackalloc byte[12];
        var seconds = (uint)(at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        bytes[0] = (byte)(seconds >> 24);
        bytes[1] = (byte)(seconds >> 16);
        bytes[2] = (byte)(seconds >> 8);
        bytes[3] = (byte)seconds;
        ProcessPart.CopyTo(bytes[4..9]);
        var counter = Interlocked.Increment(ref _counter) & 0xFFFFFF;
        bytes[9] = (byte)(counter >> 16);
        bytes[10] = (byte)(counter >> 8);
        bytes[11] = (byte)counter;
        return Convert.ToHexStringLower(bytes);
    }

    public static bool IsValid(string? id) =>
        id is { Length: 24 } && id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F');
}
