namespace TaxiScan.Discovery;

/// <summary>
/// The discovery stage: turns the PATH arguments into the ordered list of input files.
/// A file named on the command line is always taken. A directory is walked recursively in sorted
/// (ordinal) name order, skipping hidden entries (names starting with '.'), directory symlinks (no
/// loops) and anything that is not a regular file (FIFOs, devices, sockets: a read would hang or never
/// end); of the files found, those with a data extension (<see cref="DataExtensions"/>) are taken.
/// A file reached twice is scanned once, at its first position.
/// </summary>
internal sealed class InputDiscovery
{
    /// <summary>File extensions taken when walking a directory (case-insensitive).</summary>
    public static readonly IReadOnlyList<string> DataExtensions = [".csv", ".txt", ".tsv", ".psv", ".dat"];

    private readonly List<WorkUnit> _units = [];
    private readonly List<string> _errors = [];
    private readonly List<string> _warnings = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly string? _excludedPath;

    private InputDiscovery(string? excludedPath) => _excludedPath = excludedPath;

    /// <summary>Inputs in output order.</summary>
    public IReadOnlyList<WorkUnit> Units => _units;

    /// <summary>One line per path that could not be used (e.g. missing); each makes the run exit 2.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>One line per input skipped on purpose; they do not change the exit code.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <param name="paths">The PATH arguments in command-line order.</param>
    /// <param name="outputPath">The output file, never taken as an input (it may sit in a scanned directory).</param>
    public static InputDiscovery Run(IEnumerable<string> paths, string? outputPath)
    {
        var discovery = new InputDiscovery(outputPath is null ? null : Path.GetFullPath(outputPath));
        foreach (var path in paths)
        {
            discovery.AddArgument(path);
        }

        return discovery;
    }

    private void AddArgument(string path)
    {
        if (File.Exists(path))
        {
            var file = new FileInfo(path);
            if (IsRegularFile(file))
            {
                Take(path, file);
            }
            else
            {
                _warnings.Add($"{path}: not a regular file (FIFO, socket or device), skipped");
            }
        }
        else if (Directory.Exists(path))
        {
            Walk(new DirectoryInfo(path), path);
        }
        else if (Path.Exists(path))
        {
            _errors.Add($"{path}: not a regular file or directory");
        }
        else
        {
            _errors.Add($"{path}: No such file or directory");
        }
    }

    private void Walk(DirectoryInfo directory, string displayPath)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = directory.GetFileSystemInfos();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _errors.Add($"{displayPath}: cannot list directory: {e.Message}");
            return;
        }

        Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            if (entry.Name.StartsWith('.'))
            {
                continue;
            }

            var childDisplay = Path.Join(displayPath, entry.Name);
            switch (entry)
            {
                case DirectoryInfo child when child.LinkTarget is null:
                    Walk(child, childDisplay);
                    break;
                case FileInfo file when IsRegularFile(file) && HasDataExtension(file.Name):
                    Take(childDisplay, file);
                    break;
            }
        }
    }

    // FileInfo cannot tell a FIFO or a device from a file, and opening a FIFO blocks until a
    // writer appears: ask stat() for the file type instead (following symlinks).
    private static bool IsRegularFile(FileInfo file) =>
        OperatingSystem.IsWindows() || Platform.Posix.IsRegularFile(file.FullName);

    private static bool HasDataExtension(string name) =>
        DataExtensions.Any(extension => name.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    private void Take(string displayPath, FileInfo file)
    {
        var fullPath = file.FullName;
        if (fullPath == _excludedPath || !_seen.Add(fullPath))
        {
            return;
        }

        _units.Add(new WorkUnit(_units.Count, fullPath, displayPath, file.Length));
    }
}
