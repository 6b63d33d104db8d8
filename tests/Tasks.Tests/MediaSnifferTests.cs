using Tasks.Application.Tasks;

namespace Tasks.Tests;

/// <summary>A proof file's type comes from its bytes, never from its name.</summary>
public sealed class MediaSnifferTests
{
    public static TheoryData<byte[], string> Samples => new()
    {
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], "image/png" },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0], "image/jpeg" },
        { "GIF89a..."u8.ToArray(), "image/gif" },
        { "RIFF\0\0\0\0WEBPVP8 "u8.ToArray(), "image/webp" },
        { "%PDF-1.7"u8.ToArray(), "application/pdf" },
        { "\0\0\0\u0018ftypmp42"u8.ToArray(), "video/mp4" },
        { "plain words, ünïcode"u8.ToArray(), "text/plain" },
        { [0xC3, 0x28, 0x01], "application/octet-stream" },
        { [1, 0, 2], "application/octet-stream" },
        { [], "text/plain" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_type_is_read_from_the_first_bytes(byte[] content, string type) => MediaSniffer.Sniff(content).Should().Be(type);
}
