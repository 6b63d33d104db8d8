using System.Runtime.InteropServices;

namespace ProxyNode.Sessions;

/// <summary>The few Linux system calls the spliced relay makes (<see cref="SocketSplice"/>, <see cref="KernelPipe"/>).</summary>
internal static partial class Libc
{
    public const uint SpliceMove = 1, SpliceNonBlock = 2;
    public const int ONonBlock = 0x800, OCloExec = 0x80000, FGetFl = 3, FSetPipeSize = 1031;
    public const int EAgain = 11, EIntr = 4, EInval = 22, ENoSys = 38, EOpNotSupp = 95;

    /// <summary>What <see cref="Call"/> answers when the kernel has no room or nothing now (EAGAIN).</summary>
    public const int WouldBlock = -1;

    /// <summary>What <see cref="Call"/> answers when this kernel can't do the call for these descriptors (EINVAL, ENOSYS, EOPNOTSUPP).</summary>
    public const int Unsupported = -2;

    [LibraryImport("libc", EntryPoint = "splice", SetLastError = true)]
    public static partial nint Splice(int fdIn, nint offIn, int fdOut, nint offOut, nuint length, uint flags);

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    public static partial int Pipe2(Span<int> fds, int flags);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, Span<byte> buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    /// <summary>
    /// A call's result, retried on EINTR; <see cref="WouldBlock"/>; <see cref="Unsupported"/>; an IOException for any
    /// other failure (a reset, a broken pipe).
    /// </summary>
    public static int Call(Func<nint> call, string what)
    {
        while (true)
        {
            var result = (int)call();
            if (result >= 0) return result;
            var error = Marshal.GetLastPInvokeError();
            if (error == EAgain) return WouldBlock;
            if (error is EInval or ENoSys or EOpNotSupp) return Unsupported;
            if (error != EIntr) throw new IOException($"{what} failed (errno {error})", new System.Net.Sockets.SocketException(error));
        }
    }
}
