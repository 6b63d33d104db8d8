using System.Globalization;

namespace Proxy.Domain.Blacklists;

/// <summary>
/// A domain name as the blacklists keep and match it: lower case, no trailing dot, internationalised labels in punycode
/// (IDNA), each label 1–63 letters, digits or inner hyphens, 253 characters at most. Single-label names (localhost) are
/// names too. A name blocks itself and every name under it, label by label: example.com blocks sub.example.com, not
/// badexample.com.
/// </summary>
public static class DomainName
{
    public const int MaxLength = 253;
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    /// <summary>The normal form of <paramref name="raw"/>, or null when it is not a domain name.</summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var name = raw.Trim();
        if (name.EndsWith('.')) name = name[..^1];
        if (name.Length == 0 || name.Length > MaxLength * 4) return null;
        string ascii;
        try
        {
            ascii = Idn.GetAscii(name).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
        if (ascii.Length > MaxLength) return null;
        return ascii.Split('.').All(IsLabel) ? ascii : null;
    }

    /// <summary>Whether <paramref name="host"/> (normalised) is <paramref name="blocked"/> or a name under it.</summary>
    public static bool IsUnder(string host, string blocked) =>
        host.Length == blocked.Length
            ? string.Equals(host, blocked, StringComparison.Ordinal)
            : host.Length > blocked.Length && host[host.Length - blocked.Length - 1] == '.' && host.EndsWith(blocked, StringComparison.Ordinal);

    private static bool IsLabel(string label) =>
        label.Length is > 0 and <= 63 && label[0] != '-' && label[^1] != '-' && label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
