using System.IO.Compression;

namespace TaxiScan.IO;

/// <summary>
/// Input stage: the zip archive a worker is reading members of, kept open from one member to the next.
/// Opening an archive reads its whole central directory, so opening it again for each member made a zip of
/// n members cost n² (10,000 members: 70 s against 1.7 s unpacked). A worker's units are contiguous and
/// discovery lists an archive's members one after another, so one open archive at a time is enough: asking
/// for another path closes the one before. A worker owns one and disposes it at its end.
/// </summary>
internal sealed class OpenZipArchive : IDisposable
{
    private string? _path;
    private ZipArchive? _archive;

    /// <summary>The archive at <paramref name="zipPath"/>, opened now or still open from the member before.</summary>
    public ZipArchive For(string zipPath)
    {
        if (_archive is not null && _path == zipPath)
        {
            return _archive;
        }

        Dispose();
        _archive = ZipMembers.OpenArchive(zipPath);
        _path = zipPath;
        return _archive;
    }

    public void Dispose()
    {
        _archive?.Dispose();
        _archive = null;
        _path = null;
    }
}
