using System.Text;

namespace Tasks.Application.Tasks;

/// <summary>
/// A file's media type from its first bytes, never from its name: the common image, document and video signatures;
/// text when the bytes are valid UTF-8 without NULs; application/octet-stream otherwise.
/// </summary>
public static class MediaSniffer
{
    private static readonly (byte[] Signature, int Offset, string MediaType)[] Signatures =
    [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0, "image/png"),
        ([0xFF, 0xD8, 0xFF], 0, "image/jpeg"),
        ("GIF87a"u8.ToArray(), 0, "image/gif"),
        ("GIF89a"u8.ToArray(), 0, "image/gif"),
        ("BM"u8.ToArray(), 0, "image/bmp"),
        ("%PDF-"u8.ToArray(), 0, "application/pdf"),
        ([0x50, 0x4B, 0x03, 0x04], 0, "application/zip"),
        ("ftyp"u8.ToArray(), 4, "video/mp4"),
    ];

    public static string Sniff(ReadOnlySpan<byte> content)
    {
        if (content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        foreach (var (signature, offset, mediaType) in Signatures)
            if (content.Length >= offset + signature.Length && content.Slice(offset, signature.Length).SequenceEqual(signature))
                return mediaType;
        return IsText(content) ? "text/plain" : "application/octet-stream";
    }

    private static bool IsText(ReadOnlySpan<byte> content)
    {
        if (content.IndexOf((byte)0) >= 0) return false;
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
