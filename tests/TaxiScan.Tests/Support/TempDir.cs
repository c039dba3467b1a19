using System.Text;

namespace TaxiScan.Tests.Support;

/// <summary>A fresh directory per test, removed afterwards; fixtures are written into it byte for byte.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = Directory.CreateTempSubdirectory("taxiscan-test-").FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string Create(string relativePath, string contents) => Create(relativePath, Encoding.UTF8.GetBytes(contents));

    public string Create(string relativePath, byte[] contents)
    {
        var full = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, contents);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort (a test may leave a file it made unreadable); the system cleans the temp directory.
        }
    }
}
