using System.Text.RegularExpressions;

namespace Storage.Domain.Files;

/// <summary>
/// The names files are stored and served under: the upload time in Unix milliseconds, 16 random hex digits and the
/// original extension (lower-case letters and digits only), e.g. <c>1733000000000_9f3a0c1b2d4e5f60.pdf</c>. A name is
/// opaque: nothing the uploader sends reaches the file system but that sanitised extension, and only a name of exactly
/// this form is ever looked up, so separators, "..", encodings or any other text can't name another file.
/// </summary>
public static partial class FileNames
{
    private const int MaxExtensionLength = 10;

    public static string New(string? originalName, DateTime now, string randomHex)
    {
        if (randomHex.Length != 16 || !randomHex.All(char.IsAsciiHexDigitLower)) throw new ArgumentException("16 lower-case hex digits.", nameof(randomHex));
        var millis = new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        return $"{millis}_{randomHex}{Extension(originalName)}";
    }

    /// <summary>Whether <paramref name="name"/> has exactly the form the platform issues.</summary>
    public static bool IsIssued(string? name) => name is not null && Issued().IsMatch(name);

    /// <summary>".pdf" from "Report.PDF"; empty when there is none or it isn't plain letters and digits.</summary>
    public static string Extension(string? originalName)
    {
        if (string.IsNullOrEmpty(originalName)) return string.Empty;
        var dot = originalName.LastIndexOf('.');
        if (dot < 0 || dot == originalName.Length - 1) return string.Empty;
        var extension = originalName[(dot + 1)..].ToLowerInvariant();
        return extension.Length <= MaxExtensionLength && extension.All(char.IsAsciiLetterOrDigit) ? "." + extension : string.Empty;
    }

    [GeneratedRegex("\\A[0-9]{1,15}_[0-9a-f]{16}(\\.[a-z0-9]{1,10})?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Issued();
}
