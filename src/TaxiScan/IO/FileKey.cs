using TaxiScan.Platform;

namespace TaxiScan.IO;

/// <summary>
/// The one answer to "do these two paths name one file?", for every output that must not be an input
/// (<c>-o</c>, <c>--stats</c>, <c>--log-file</c>, <c>merge</c>'s OUTPUT) and for the walk that must not read
/// an output. Where the file exists and the platform can say, the device and number decide
/// (<see cref="FileIdentity"/>): a symlink, a hard link, <c>./a.csv</c> or <c>../d/a.csv</c> are all the same
/// file. Otherwise (a file not made yet, a platform without identities) the full path decides, symlinks
/// followed as far as they lead, compared as the file system compares names (<see cref="IFileSystemNaming"/>).
/// </summary>
internal readonly struct FileKey
{
    private readonly IFileSystemNaming _naming;

    private FileKey(string fullPath, FileIdentity? identity, IFileSystemNaming naming)
    {
        FullPath = fullPath;
        Identity = identity;
        _naming = naming;
    }

    /// <summary>The absolute path, through every symlink that resolves.</summary>
    public string FullPath { get; }

    /// <summary>The file's identity, or null when it cannot be reached or the platform has none.</summary>
    public FileIdentity? Identity { get; }

    /// <summary>The key of <paramref name="path"/> (relative to the current directory) on this platform.</summary>
    public static FileKey For(string path) => For(path, IFileSystemNaming.Current, FileIdentity.Of);

    /// <summary>The key under a given naming rule and identity source (tests: another platform's rules).</summary>
    public static FileKey For(string path, IFileSystemNaming naming, Func<string, FileIdentity?> identityOf)
    {
        var fullPath = FinalPath(Path.GetFullPath(path));
        return new FileKey(fullPath, identityOf(fullPath), naming);
    }

    /// <summary>Whether <paramref name="one"/> and <paramref name="other"/> name one file on this platform.</summary>
    public static bool SameFile(string one, string other) => For(one).IsSameFileAs(For(other));

    /// <summary>Whether this key and <paramref name="other"/> name one file.</summary>
    public bool IsSameFileAs(FileKey other) =>
        // Two identities are the whole answer: equal paths with different identities cannot happen, and
        // different paths with one identity are the links and spellings this type exists for. When either
        // side has none (not made yet), only its name can say.
        Identity is { } mine && other.Identity is { } theirs ? mine == theirs : _naming.SameName(FullPath, other.FullPath);

    public override string ToString() => FullPath;

    // A symlink counts as where it leads, also when that does not exist yet: `latest.csv -> rows.csv`
    // names the output rows.csv before the first run has made it. A loop leads nowhere: the link itself.
    private static string FinalPath(string fullPath)
    {
        try
        {
            var info = new FileInfo(fullPath);
            return info.LinkTarget is null ? fullPath : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? fullPath;
        }
        catch (IOException)
        {
            return fullPath;
        }
    }
}
