using Storage.Application.Files;
using Storage.Domain.Files;

namespace Storage.Tests;

public sealed class FileNameTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("report.PDF", ".pdf")]
    [InlineData("archive.tar.gz", ".gz")]
    [InlineData("no-extension", "")]
    [InlineData("../../etc/passwd", "")]
    [InlineData("evil.p/hp", "")]
    [InlineData("x.<script>", "")]
    [InlineData("trailing.", "")]
    [InlineData("long.abcdefghijk", "")]
    [InlineData(null, "")]
    public void An_issued_name_keeps_only_a_plain_extension_of_the_original(string? original, string extension)
    {
        var name = FileNames.New(original, Now, "0123456789abcdef");

        name.Should().Be($"{new DateTimeOffset(Now).ToUnixTimeMilliseconds()}_0123456789abcdef{extension}");
        FileNames.IsIssued(name).Should().BeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("../1764417600000_0123456789abcdef.pdf")]
    [InlineData("1764417600000_0123456789abcdef.pdf/..")]
    [InlineData("1764417600000_0123456789ABCDEF.pdf")]
    [InlineData("1764417600000_0123456789abcdef.PDF")]
    [InlineData("1764417600000_0123456789abcdef.pdf.part")]
    [InlineData("1764417600000_0123456789abcde.pdf")]
    [InlineData("1764417600000_0123456789abcdef%2fx")]
    [InlineData("1764417600000_0123456789abcdef\n")]
    [InlineData("example.pdf")]
    public void Only_the_issued_form_is_a_file_name(string name)
    {
        FileNames.IsIssued(name).Should().BeFalse();
    }

    [Fact]
    public void A_temporary_file_is_served_for_15_minutes()
    {
        var file = StoredFile.Temporary(FileNames.New("a.txt", Now, "0123456789abcdef"), "a.txt", "text/plain", 3, "u1", Now);

        file.ExpiresAt.Should().Be(Now.AddMinutes(15));
        file.IsAvailableAt(Now.AddMinutes(15).AddTicks(-1)).Should().BeTrue();
        file.IsAvailableAt(Now.AddMinutes(15)).Should().BeFalse();
    }

    [Fact]
    public void A_file_is_known_only_by_an_issued_name_and_holds_at_most_50_MiB()
    {
        FluentActions.Invoking(() => StoredFile.Temporary("../x", "x", "text/plain", 1, "u1", Now)).Should().Throw<StorageRuleException>();
        FluentActions.Invoking(() => StoredFile.Temporary(FileNames.New("a", Now, "0123456789abcdef"), "a", "text/plain", StoredFile.MaxBytes + 1, "u1", Now))
            .Should().Throw<StorageRuleException>();
    }

    [Theory]
    [InlineData("image/PNG", "image/png")]
    [InlineData("text/plain; charset=utf-8", "text/plain")]
    [InlineData("not a type", "application/octet-stream")]
    [InlineData(null, "application/octet-stream")]
    [InlineData("text/html\r\nX-Injected: 1", "application/octet-stream")]
    public void Declared_media_types_are_kept_only_when_well_formed(string? declared, string stored)
    {
        MediaTypes.Normalize(declared).Should().Be(stored);
    }
}
