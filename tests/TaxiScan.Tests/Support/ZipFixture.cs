using System.IO.Compression;

namespace TaxiScan.Tests.Support;

/// <summary>Writes zip archives for tests: members in the order given, each stored or deflated as asked.</summary>
internal static class ZipFixture
{
    /// <summary>Creates <paramref name="path"/>; a name ending in '/' becomes a directory entry.</summary>
    public static string Create(string path, params (string Name, byte[] Data, CompressionLevel Level)[] members)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, data, level) in members)
        {
            var entry = zip.CreateEntry(name, level);
            if (!name.EndsWith('/'))
            {
                using var content = entry.Open();
                content.Write(data);
            }
        }

        return path;
    }
}
