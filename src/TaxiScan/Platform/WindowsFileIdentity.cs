using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace TaxiScan.Platform;

/// <summary>
/// <see cref="FileIdentity"/> on Windows: the volume serial number and the 64-bit file index of
/// GetFileInformationByHandle. The handle is opened with no access rights and every share mode, so a
/// file another program holds open (or one being written) can still be asked; backup semantics let
/// it open a directory too. Reparse points (symlinks) are followed, as on Unix.
/// </summary>
[SupportedOSPlatform("windows")]
internal static partial class WindowsFileIdentity
{
    private const uint ShareAll = 0x1 | 0x2 | 0x4;      // FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE
    private const uint OpenExisting = 3;                // OPEN_EXISTING
    private const uint BackupSemantics = 0x02000000;    // FILE_FLAG_BACKUP_SEMANTICS

    // BY_HANDLE_FILE_INFORMATION: attributes, three FILETIMEs, then the DWORDs below.
    private const int InformationBytes = 52;
    private const int VolumeSerialOffset = 28;
    private const int IndexHighOffset = 44;
    private const int IndexLowOffset = 48;

    [LibraryImport("kernel32.dll", EntryPoint = "CreateFileW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    private static partial SafeFileHandle CreateFile(string path, uint access, uint share, nint security, uint disposition, uint flags, nint template);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool GetFileInformationByHandle(SafeFileHandle file, Span<byte> information);

    public static FileIdentity? Of(string path)
    {
        using var handle = CreateFile(path, 0, ShareAll, 0, OpenExisting, BackupSemantics, 0);
        Span<byte> information = stackalloc byte[InformationBytes];
        if (handle.IsInvalid || !GetFileInformationByHandle(handle, information))
        {
            return null;
        }

        var index = ((ulong)MemoryMarshal.Read<uint>(information[IndexHighOffset..]) << 32) | MemoryMarshal.Read<uint>(information[IndexLowOffset..]);
        return new FileIdentity(MemoryMarshal.Read<uint>(information[VolumeSerialOffset..]), index);
    }
}
