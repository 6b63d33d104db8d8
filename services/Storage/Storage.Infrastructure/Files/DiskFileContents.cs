using Storage.Application.Ports;
using Storage.Domain.Files;

namespace Storage.Infrastructure.Files;

/// <summary>
/// The bytes of stored files in one folder (under the data folder locally, on a volume in Kubernetes), outside any web
/// root. A file is written into .incoming/ and moved in when complete, so a reader never sees half a file.
/// </summary>
public sealed class DiskFileContents : IFileContents
{
    private const int BufferSize = 81_920;
    private readonly string _root;
    private readonly string _incoming;

    public DiskFileContents(string root)
    {
        _root = Path.GetFullPath(root);
        _incoming = Path.Combine(_root, ".incoming");
        Directory.CreateDirectory(_incoming);
    }

    public async Task<long?> SaveAsync(string name, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        var partial = Path.Combine(_incoming, name);
        long total = 0;
        var buffer = new byte[BufferSize];
        try
        {
            await using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > maxBytes)
                    {
                        await output.DisposeAsync();
                        File.Delete(partial);
                        return null;
                    }
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            File.Move(partial, path, overwrite: false);
            return total;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    public Stream? OpenRead(string name)
    {
        try
        {
            return new FileStream(PathOf(name), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, useAsync: true);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(name));
        return Task.CompletedTask;
    }

    /// <summary>Only an issued name maps to a path, and that path is inside the folder.</summary>
    private string PathOf(string name)
    {
        if (!FileNames.IsIssued(name)) throw new ArgumentException("Not an issued file name.", nameof(name));
        var path = Path.GetFullPath(Path.Combine(_root, name));
        if (Path.GetDirectoryName(path) != _root) throw new ArgumentException("Not an issued file name.", nameof(name));
        return path;
    }
}
