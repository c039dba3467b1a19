using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Win32.SafeHandles;
using TaxiScan.Model;

namespace TaxiScan.IO;

/// <summary>
/// The input stage: opens one input of any <see cref="InputKind"/> as a forward-only stream of its
/// decompressed bytes, so a worker scans a plain file, a gzip file, a zip member or an inherited
/// descriptor the same way.
/// <list type="bullet">
/// <item><see cref="KindOf"/>: a path ending in ".gz" (any case) is <see cref="InputKind.Gzip"/>, any other <see cref="InputKind.File"/>;
/// zip members and descriptors are named by discovery, never guessed from a path.</item>
/// <item><see cref="Open"/>: <c>member</c> is the zip member's full name for <see cref="InputKind.ZipMember"/>, ignored otherwise.
/// A missing file or zip member throws <see cref="FileNotFoundException"/> (for a member, the message names it);
/// damaged gzip or zip data throws <see cref="InvalidDataException"/> from <c>Read</c> (see
/// <see cref="CheckedGzipStream"/>, <see cref="ZipMemberStream"/>); note that it is not an <see cref="IOException"/>.</item>
/// <item><see cref="EstimatedLength"/>: the decompressed size for progress bars and partition balancing, never for correctness.</item>
/// </list>
/// </summary>
internal static class InputOpener
{
    private const string DescriptorPrefix = "/dev/fd/";

    // The smallest gzip member: a 10-byte header and an 8-byte trailer (CRC-32, ISIZE).
    private const int GzipHeaderAndTrailer = 18;

    // Deflate shrinks data at most about 1032:1 (one 258-byte match per ~2 bits).
    private const int MaxDeflateRatio = 1032;

    private const int CompressedReadAhead = 64 * 1024;

    public static InputKind KindOf(string path) =>
        path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? InputKind.Gzip : InputKind.File;

    /// <param name="kind">How to open it.</param>
    /// <param name="path">The file (for a zip member, the archive).</param>
    /// <param name="member">The zip member's full name.</param>
    /// <param name="zips">Keeps a zip archive open from member to member (a worker's); without it each member opens its archive.</param>
    public static Stream Open(InputKind kind, string path, string? member, OpenZipArchive? zips = null) => kind switch
    {
        InputKind.File => OpenFile(path, bufferSize: 0),
        InputKind.Gzip => new CheckedGzipStream(OpenFile(path, CompressedReadAhead)),
        InputKind.ZipMember => zips is null ? ZipMemberStream.Open(path, RequireMember(member)) : ZipMemberStream.Open(zips, path, RequireMember(member)),
        InputKind.Stdin => OpenDescriptor(path),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown input kind"),
    };

    /// <summary>
    /// File: its length. Gzip: the uncompressed size from the trailer (see <see cref="GzipEstimate"/>).
    /// ZipMember: the length the central directory records (opening the archive: when listing, prefer
    /// <see cref="ZipMembers.List"/>, which has them all). Stdin: 0, as a pipe's length is unknown.
    /// </summary>
    public static long EstimatedLength(InputKind kind, string path, string? member) => kind switch
    {
        InputKind.File => new FileInfo(path).Length,
        InputKind.Gzip => GzipEstimate(path),
        InputKind.ZipMember => ZipMemberLength(path, RequireMember(member)),
        InputKind.Stdin => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown input kind"),
    };

    // Scanners read in large blocks, so a plain file needs no buffer of its own; compressed input is
    // pulled by the decompressor in small pieces, which a read-ahead buffer turns into large reads.
    private static FileStream OpenFile(string path, int bufferSize) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize, FileOptions.SequentialScan);

    private static string RequireMember(string? member) =>
        member ?? throw new ArgumentNullException(nameof(member), "a zip member input needs the member's name");

    /// <summary>
    /// Reads the inherited descriptor N of <c>/dev/fd/N</c> in place rather than opening that path:
    /// reopening works for a pipe, but a redirected regular file would restart at offset 0 and a socket
    /// cannot be reopened at all. The stream starts where the descriptor stands and leaves the
    /// descriptor open when disposed: it belongs to the process, not to this input.
    /// </summary>
    private static FileStream OpenDescriptor(string path)
    {
        if (!path.StartsWith(DescriptorPrefix, StringComparison.Ordinal)
            || !int.TryParse(path.AsSpan(DescriptorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var fd))
        {
            throw new ArgumentException($"'{path}' is not a descriptor path of the form {DescriptorPrefix}N", nameof(path));
        }

        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("reading an inherited descriptor needs a Unix system");
        }

        return new FileStream(new SafeFileHandle(fd, ownsHandle: false), FileAccess.Read, bufferSize: 0);
    }

    /// <summary>
    /// gzip records the last member's uncompressed size modulo 2^32 (ISIZE) in the file's last 4 bytes.
    /// Deflate barely expands even incompressible data, so an ISIZE clearly below the compressed length
    /// is not the whole story: either it wrapped (a file over 4 GiB: add 2^32 until it fits), or it
    /// counts only the last of several concatenated members. When the wrapped value is more than deflate
    /// could ever pack into the file, it is the latter, and the compressed length is the better guess.
    /// A file over 4 GiB whose ISIZE happens to exceed the compressed length is underestimated: the
    /// trailer cannot tell.
    /// </summary>
    private static long GzipEstimate(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var length = RandomAccess.GetLength(handle);
        Span<byte> isize = stackalloc byte[4];
        if (length < GzipHeaderAndTrailer || RandomAccess.Read(handle, isize, length - isize.Length) != isize.Length)
        {
            return length;
        }

        long estimate = BinaryPrimitives.ReadUInt32LittleEndian(isize);

        // Stored deflate blocks cost 5 bytes per 64 KiB; the header and trailer take a few dozen more.
        var smallestPossible = length - length / 8192 - 64;
        if (estimate >= smallestPossible)
        {
            return estimate;
        }

        while (estimate < smallestPossible)
        {
            estimate += 1L << 32;
        }

        return estimate / MaxDeflateRatio > length ? length : estimate;
    }

    private static long ZipMemberLength(string zipPath, string member)
    {
        using var archive = ZipMembers.OpenArchive(zipPath);
        var entry = archive.GetEntry(member)
            ?? throw new FileNotFoundException($"the zip archive has no member named '{member}'", zipPath);
        return entry.Length;
    }
}
