using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace TaxiScan.Platform;

/// <summary>
/// <see cref="FileIdentity"/> on Linux: statx(2), because its layout, unlike struct stat's, is the same on
/// every Linux architecture (stx_ino a u64 at byte 32, stx_dev_major and stx_dev_minor u32s at 136 and 140).
/// </summary>
[SupportedOSPlatform("linux")]
internal static class LinuxFileIdentity
{
    private const uint StatxInode = 0x100;
    private const int InodeOffset = 32;
    private const int DeviceMajorOffset = 136;
    private const int DeviceMinorOffset = 140;

    public static FileIdentity? Of(string path)
    {
        Span<byte> buffer = stackalloc byte[Posix.StatxBufferBytes];
        if (Posix.Statx(Posix.AtFdCwd, path, 0, StatxInode, buffer) != 0)
        {
            return null;
        }

        var device = ((ulong)MemoryMarshal.Read<uint>(buffer[DeviceMajorOffset..]) << 32) | MemoryMarshal.Read<uint>(buffer[DeviceMinorOffset..]);
        return new FileIdentity(device, MemoryMarshal.Read<ulong>(buffer[InodeOffset..]));
    }
}
