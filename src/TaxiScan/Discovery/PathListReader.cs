using System.Text;

namespace TaxiScan.Discovery;

/// <summary>
/// The start of the discovery stage for <c>--files-from</c>: reads a list of input paths, one per line
/// (a trailing <c>\r</c> dropped) or NUL-separated (<c>find -print0</c>), empty entries skipped, in list
/// order. The paths are returned as written; <see cref="InputDiscovery"/> takes them as it takes PATH
/// arguments, so a relative path is relative to the current directory. Nothing here reaches a shell.
/// </summary>
internal static class PathListReader
{
    /// <summary>
    /// Reads the list file at <paramref name="listPath"/>, or standard input for <c>-</c> and its other
    /// spellings (<see cref="InputDiscovery.IsStdin"/>).
    /// </summary>
    /// <exception cref="IOException">The list cannot be read; the message is the reason alone, without the path.</exception>
    public static IReadOnlyList<string> ReadFile(string listPath, bool nulSeparated)
    {
        if (InputDiscovery.IsStdin(listPath))
        {
            using var stdin = Console.OpenStandardInput();
            return Read(stdin, nulSeparated);
        }

        try
        {
            using var file = File.OpenRead(listPath);
            return Read(file, nulSeparated);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new IOException("No such file or directory", e);
        }
        catch (UnauthorizedAccessException e)
        {
            // .NET reports opening a directory and a permission problem alike.
            throw new IOException(Directory.Exists(listPath) ? "is a directory, not a list of paths" : "Permission denied", e);
        }
        catch (IOException e) when (e.Message.LastIndexOf(" : '", StringComparison.Ordinal) is > 0 and var pathStart && e.Message.EndsWith('\''))
        {
            // .NET appends " : '/the/path'" to the system's reason; the caller names the list already.
            throw new IOException(e.Message[..pathStart], e);
        }
    }

    /// <summary>Splits a whole list into its paths, in order.</summary>
    public static IReadOnlyList<string> Read(Stream list, bool nulSeparated)
    {
        // The whole list is read, decoded and split once: linear in its size, whatever the number of
        // paths. Splitting the decoded text is safe because UTF-8 never uses the bytes of '\n' or NUL inside
        // a character, and bytes that are not UTF-8 become U+FFFD, which InputDiscovery reports as a name
        // .NET cannot open (as it does for such a PATH argument).
        using var bytes = new MemoryStream();
        list.CopyTo(bytes);
        var text = Encoding.UTF8.GetString(bytes.GetBuffer(), 0, checked((int)bytes.Length));
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..]; // a byte order mark from a Windows editor is not part of the first path
        }

        var paths = new List<string>();
        foreach (var entry in text.Split(nulSeparated ? '\0' : '\n'))
        {
            // Only the line terminator's '\r' is dropped, and only in a line list: blanks at either end and
            // a '\r' in a NUL-separated name are part of the name.
            var path = !nulSeparated && entry.EndsWith('\r') ? entry[..^1] : entry;
            if (path.Length > 0)
            {
                paths.Add(path);
            }
        }

        return paths;
    }
}
