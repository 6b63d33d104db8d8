namespace Platform.Application.Files;

/// <summary>Why a request's base64 file has no bytes.</summary>
public enum Base64Problem
{
    NotBase64,
    TooLarge,
}

/// <summary>
/// A file a request carried as base64 text, decoded as the request was read: its bytes, or why there are none. The
/// text itself is never kept as a string, so a 5 MB file costs its 5 MB, not the 13 MB its base64 takes as UTF-16.
/// </summary>
public sealed class Base64File
{
    private Base64File(byte[]? bytes, Base64Problem? problem) => (Bytes, Problem) = (bytes, problem);

    /// <summary>The decoded bytes; null when <see cref="Problem"/> says why not.</summary>
    public byte[]? Bytes { get; }

    public Base64Problem? Problem { get; }

    public static Base64File Of(byte[] bytes) => new(bytes, null);

    public static Base64File Refused(Base64Problem problem) => new(null, problem);
}
