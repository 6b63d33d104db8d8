using System.Buffers;
using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text.Json;
using Platform.Application.Files;

namespace Platform.Api.Binding;

/// <summary>
/// Decodes a base64 string of a JSON body from the body's UTF-8 bytes into the file's bytes, with no .NET string in
/// between: plain text is decoded where it lies; text with JSON escapes (a .NET client writes '+' as \u002B) is
/// unescaped as UTF-8 first. Only text that isn't base64 as it stands (line breaks, spaces) is read as a string, as .NET's
/// base64 reader takes it. Text longer than <c>maxBytes</c> could encode is refused before anything is decoded.
/// </summary>
internal static class Base64Reader
{
    /// <summary>The most characters a JSON escape takes for one (\uXXXX).</summary>
    private const int LongestEscape = 6;

    public static Base64File Decode(JsonElement value, int maxBytes)
    {
        var text = JsonMarshal.GetRawUtf8Value(value)[1..^1]; // the raw value is quoted
        var escaped = text.IndexOf((byte)'\\') >= 0;
        if (text.Length > MaxTextLength(maxBytes) * (escaped ? LongestEscape : 1)) return Base64File.Refused(Base64Problem.TooLarge);
        if (!escaped && TryDecodePlain(text) is { } plain) return Sized(plain, maxBytes);
        if (value.TryGetBytesFromBase64(out var unescaped)) return Sized(unescaped, maxBytes);
        return DecodeText(value.GetString()!, maxBytes);
    }

    /// <summary>The longest text (with a little room for padding) that can decode to <paramref name="maxBytes"/>.</summary>
    private static long MaxTextLength(int maxBytes) => ((long)maxBytes + 2) / 3 * 4 + 4;

    /// <summary>Plain base64 (no whitespace) decoded into an array of exactly its size; null for anything else.</summary>
    private static byte[]? TryDecodePlain(ReadOnlySpan<byte> text)
    {
        if (text.Length % 4 != 0) return null;
        var padding = text.Length == 0 ? 0 : (text[^1] == '=' ? 1 : 0) + (text.Length > 1 && text[^2] == '=' ? 1 : 0);
        var bytes = GC.AllocateUninitializedArray<byte>(text.Length / 4 * 3 - padding);
        return Base64.DecodeFromUtf8(text, bytes, out _, out var written) == OperationStatus.Done && written == bytes.Length ? bytes : null;
    }

    private static Base64File Sized(byte[] bytes, int maxBytes) =>
        bytes.Length > maxBytes ? Base64File.Refused(Base64Problem.TooLarge) : Base64File.Of(bytes);

    private static Base64File DecodeText(string text, int maxBytes)
    {
        var bytes = new byte[text.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(text, bytes, out var length)) return Base64File.Refused(Base64Problem.NotBase64);
        return Sized(bytes.AsSpan(0, length).ToArray(), maxBytes);
    }
}
