using System.IO.Compression;

namespace TaxiScan.IO;

/// <summary>
/// The discovery stage's view into a zip archive: which members are data files.
/// <see cref="List"/> gives the file members in central-directory order (the order <c>unzip -l</c>
/// shows), leaving out what archivers add beside the data, the same way the directory walk does:
/// directory entries (names ending in '/'), macOS resource forks under <c>__MACOSX/</c>, and hidden
/// entries (any path segment starting with '.', e.g. <c>.DS_Store</c> or <c>.ipynb_checkpoints/a.csv</c>).
/// A name stored twice is listed once: members are opened by name (<see cref="ZipMemberStream.Open(string, string)"/>),
/// and a name only ever reaches its first entry. No extension filter is applied here.
/// A corrupt or truncated archive throws <see cref="InvalidDataException"/>; I/O failures throw
/// <see cref="IOException"/>.
/// </summary>
internal static class ZipMembers
{
    /// <summary>The data members of <paramref name="zipPath"/>: full names ('/'-separated) and uncompressed lengths.</summary>
    public static IReadOnlyList<(string Name, long Length)> List(string zipPath)
    {
        using var archive = OpenArchive(zipPath);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<(string Name, long Length)>();
        foreach (var entry in archive.Entries)
        {
            if (IsDataMember(entry.FullName) && seen.Add(entry.FullName))
            {
                members.Add((entry.FullName, entry.Length));
            }
        }

        return members;
    }

    /// <summary>Opens <paramref name="zipPath"/> for reading, sharing it with writers as plain inputs are.</summary>
    internal static ZipArchive OpenArchive(string zipPath)
    {
        var file = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 64 * 1024);
        try
        {
            return new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static bool IsDataMember(string name) =>
        !name.EndsWith('/')
        && !name.StartsWith("__MACOSX/", StringComparison.Ordinal)
        && !name.Split('/').Any(segment => segment.StartsWith('.'));
}
