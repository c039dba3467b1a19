namespace TaxiScan.IO;

/// <summary>IO stage: a question about the first bytes of a file, asked by the coordinator without a worker.</summary>
internal static class FileHead
{
    /// <summary>Whether <paramref name="value"/> occurs in the first <paramref name="bytes"/> bytes of the file;
    /// false when the file cannot be read (the caller then acts as if it did not).</summary>
    public static bool Contains(string path, int bytes, byte value)
    {
        try
        {
            using var file = File.OpenRead(path);
            var start = new byte[bytes];
            return start.AsSpan(0, file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false)).Contains(value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
