using System.IO.Compression;

namespace TaxiScan.IO;

/// <summary>
/// Input stage: one zip member's decompressed bytes. Owns the archive it came from and disposes it with
/// itself. .NET does not check a member's CRC-32 when reading, and a damaged deflate stream can end
/// early without an error, so the byte count is checked against the length the central directory
/// records instead: a member that comes out shorter or longer throws <see cref="InvalidDataException"/>
/// from <c>Read</c>, as does damaged compressed data. Opened alone it owns its archive; opened through an
/// <see cref="OpenZipArchive"/> it leaves the archive open for the next member.
/// </summary>
internal sealed class ZipMemberStream : ForwardReadStream
{
    private readonly ZipArchive? _ownedArchive;
    private readonly Stream _content;
    private readonly string _name;
    private readonly long _expectedLength;
    private long _read;

    private ZipMemberStream(ZipArchive? ownedArchive, ZipArchiveEntry entry)
    {
        _ownedArchive = ownedArchive;
        _name = entry.FullName;
        _expectedLength = entry.Length;
        _content = entry.Open();
    }

    /// <summary>Opens member <paramref name="member"/> (exact, case-sensitive full name) of <paramref name="zipPath"/>.</summary>
    /// <exception cref="FileNotFoundException">The archive has no member of that name.</exception>
    public static ZipMemberStream Open(string zipPath, string member)
    {
        var archive = ZipMembers.OpenArchive(zipPath);
        try
        {
            return new ZipMemberStream(archive, EntryOf(archive, zipPath, member));
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    /// <summary>Opens member <paramref name="member"/> of the archive that <paramref name="archives"/> holds open for <paramref name="zipPath"/>.</summary>
    /// <exception cref="FileNotFoundException">The archive has no member of that name.</exception>
    public static ZipMemberStream Open(OpenZipArchive archives, string zipPath, string member) =>
        new(null, EntryOf(archives.For(zipPath), zipPath, member));

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = _content.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"corrupt compressed data in zip member '{_name}'", e);
        }

        _read += read;
        if (_read > _expectedLength || (read == 0 && !buffer.IsEmpty && _read != _expectedLength))
        {
            throw new InvalidDataException(
                $"zip member '{_name}' decompressed to {(read == 0 ? "" : "more than ")}{_read} bytes, but the archive records {_expectedLength}: the archive is corrupt");
        }

        return read;
    }

    private static ZipArchiveEntry EntryOf(ZipArchive archive, string zipPath, string member) =>
        archive.GetEntry(member) ?? throw new FileNotFoundException($"the zip archive has no member named '{member}'", zipPath);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _content.Dispose();
            _ownedArchive?.Dispose();
        }

        base.Dispose(disposing);
    }
}
