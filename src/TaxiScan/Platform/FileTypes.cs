namespace TaxiScan.Platform;

/// <summary>
/// The file-type bits of <c>st_mode</c> (<c>S_IFMT</c> and its values, from <c>&lt;sys/stat.h&gt;</c>),
/// named once: the same numbers on Linux and macOS.
/// </summary>
internal static class FileTypes
{
    /// <summary><c>S_IFMT</c>: the mask that keeps the type bits of a mode.</summary>
    public const int Mask = 0xF000;

    /// <summary><c>S_IFIFO</c></summary>
    public const int Fifo = 0x1000;

    /// <summary><c>S_IFCHR</c></summary>
    public const int CharacterDevice = 0x2000;

    /// <summary><c>S_IFDIR</c></summary>
    public const int Directory = 0x4000;

    /// <summary><c>S_IFBLK</c></summary>
    public const int BlockDevice = 0x6000;

    /// <summary><c>S_IFREG</c></summary>
    public const int RegularFile = 0x8000;

    /// <summary><c>S_IFSOCK</c></summary>
    public const int Socket = 0xC000;
}
