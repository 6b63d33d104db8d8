using Storage.Infrastructure.Files;

namespace Storage.Tests;

public sealed class DiskFileContentsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("files-").FullName;

    [Fact]
    public async Task A_file_is_streamed_in_and_read_back_and_one_over_the_limit_leaves_nothing()
    {
        var files = new DiskFileContents(_root);
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray();

        (await files.SaveAsync("1_0123456789abcdef.bin", new MemoryStream(bytes), 300_000, CancellationToken.None)).Should().Be(300_000);
        (await files.SaveAsync("2_0123456789abcdef.bin", new MemoryStream(bytes), 299_999, CancellationToken.None)).Should().BeNull();

        await using (var read = files.OpenRead("1_0123456789abcdef.bin")!)
        {
            var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            copy.ToArray().Should().Equal(bytes);
        }
        files.OpenRead("2_0123456789abcdef.bin").Should().BeNull();
        Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Should().Equal("1_0123456789abcdef.bin");
    }

    [Fact]
    public void A_name_that_was_not_issued_never_becomes_a_path()
    {
        var files = new DiskFileContents(_root);

        FluentActions.Invoking(() => files.OpenRead("../secret")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => files.DeleteAsync("/etc/passwd", CancellationToken.None)).Should().ThrowAsync<ArgumentException>();
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
