using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace TaxiScan.Platform;

/// <summary>
/// <see cref="FileIdentity"/> on macOS: stat(2) with the 64-bit inode layout, the same on x86-64 and arm64
/// (st_dev an i32 at byte 0, st_ino a u64 at byte 8). On x86-64 that layout is the <c>stat$INODE64</c>
/// symbol; plain <c>stat</c> there is the old one with a 32-bit inode.
/// </summary>
[SupportedOSPlatform("macos")]
internal static partial class MacFileIdentity
{
    private const int StatBufferBytes = 256; // struct stat is 144 bytes
    private const int DeviceOffset = 0;
    private const int InodeOffset = 8;

    [LibraryImport("libc", EntryPoint = "stat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, Span<byte> buffer);

    [LibraryImport("libc", EntryPoint = "stat$INODE64", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatInode64(string path, Span<byte> buffer);

    public static FileIdentity? Of(string path)
    {
        Span<byte> buffer = stackalloc byte[StatBufferBytes];
        var result = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? StatInode64(path, buffer) : Stat(path, buffer);
        if (result != 0)
        {
            return null;
        }

        return new FileIdentity((uint)MemoryMarshal.Read<int>(buffer[DeviceOffset..]), MemoryMarshal.Read<ulong>(buffer[InodeOffset..]));
    }
}
