using TaxiScan.IO;
using TaxiScan.Model;
using TaxiScan.Platform;

namespace TaxiScan.Discovery;

/// <summary>
/// The discovery stage: turns the PATH arguments into the ordered list of inputs.
/// <list type="bullet">
/// <item>A file named on the command line is always taken, a FIFO or process substitution too (read as a
/// stream); <c>-</c> (or <c>/dev/stdin</c>) is standard input.</item>
/// <item>A directory is walked recursively in sorted (ordinal) name order, skipping hidden entries (names
/// starting with '.'), directory symlinks (no loops) and anything that is not a regular file (FIFOs,
/// devices, sockets: a read would hang or never end; a warning names each one that has a data name).
/// A data name that cannot be reached (dangling symlink, symlink loop, name not valid UTF-8) is an
/// error. Of the files found it takes those with a data
/// extension (<see cref="DataExtensions"/>), the same followed by <c>.gz</c>, and <c>.zip</c> archives;
/// or, with <c>--glob</c>, those the <see cref="GlobFilter"/> takes.</item>
/// <item>A <c>.gz</c> file is read decompressed; a <c>.zip</c> archive becomes one input per member with a
/// data extension, shown as <c>archive.zip:member</c>.</item>
/// <item>An input reached twice (also through a symlink) is scanned once, at its first position.</item>
/// </list>
/// </summary>
internal sealed class InputDiscovery
{
    /// <summary>File extensions taken when walking a directory (case-insensitive).</summary>
    public static readonly IReadOnlyList<string> DataExtensions = [".csv", ".txt", ".tsv", ".psv", ".dat"];

    /// <summary>How standard input is shown in messages.</summary>
    public const string StdinDisplayName = "(standard input)";

    private readonly List<WorkUnit> _units = [];
    private readonly List<string> _errors = [];
    private readonly List<string> _warnings = [];
    private readonly List<OutputAmongInputs> _outputsFound = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly (string Path, FileKey Key)[] _outputs;
    private readonly GlobFilter _glob;

    private InputDiscovery(IEnumerable<string> outputs, GlobFilter glob)
    {
        _outputs = [.. outputs.Select(output => (output, FileKey.For(output)))];
        _glob = glob;
    }

    /// <summary>Inputs in output order.</summary>
    public IReadOnlyList<WorkUnit> Units => _units;

    /// <summary>One line per path that could not be used (e.g. missing); each makes the run exit 2.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>One line per input skipped on purpose; they do not change the exit code.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>The existing output files met among the inputs (left out of <see cref="Units"/>); see <see cref="OutputClaims"/>.</summary>
    public IReadOnlyList<OutputAmongInputs> OutputsFound => _outputsFound;

    /// <param name="paths">The PATH arguments in command-line order, then the <c>--files-from</c> paths in list order.</param>
    /// <param name="outputs">The files the run writes (<c>-o</c>, <c>--stats</c>, <c>--log-file</c>), never taken as
    /// inputs: one that does not exist yet may sit in a scanned directory; one that exists and is met is
    /// listed in <see cref="OutputsFound"/>.</param>
    /// <param name="globs">The <c>--glob</c> patterns; empty for the default extensions.</param>
    /// <exception cref="ArgumentException">A glob pattern is not valid.</exception>
    public static InputDiscovery Run(IEnumerable<string> paths, IEnumerable<string> outputs, IEnumerable<string>? globs = null)
    {
        var discovery = new InputDiscovery(outputs, GlobFilter.Create(globs ?? []));
        foreach (var path in paths)
        {
            discovery.AddArgument(path);
        }

        return discovery;
    }

    /// <summary>Whether <paramref name="path"/> names standard input: <c>-</c> or one of its device spellings.</summary>
    public static bool IsStdin(string path) => path is "-" or "/dev/stdin" or "/dev/fd/0" or "/proc/self/fd/0";

    private void AddArgument(string path)
    {
        if (IsStdin(path))
        {
            // A worker's own descriptor 0 is its job pipe: every spelling of stdin goes through AddStdin.
            AddStdin();
        }
        else if (File.Exists(path))
        {
            var file = new FileInfo(path);
            if (IsRegularFile(file))
            {
                Take(path, file, relativePath: null);
            }
            else
            {
                TakeStream(path, file);
            }
        }
        else if (Directory.Exists(path))
        {
            // A symlinked directory named on the command line is walked at its target, so files reached
            // through it and through the real path are recognised as the same files.
            var directory = new DirectoryInfo(path);
            Walk(directory.ResolveLinkTarget(returnFinalTarget: true) as DirectoryInfo ?? directory, path, "");
        }
        else if (Path.Exists(path))
        {
            _errors.Add($"{path}: not a regular file or directory");
        }
        else if (path.Contains('\uFFFD'))
        {
            // .NET hands us arguments decoded as UTF-8, with U+FFFD for bytes that are not: the name
            // the user typed is lost, and "No such file" would be a lie.
            _errors.Add($"{path}: file name is not valid UTF-8; taxiscan cannot open it");
        }
        else
        {
            _errors.Add($"{path}: No such file or directory");
        }
    }

    // Workers cannot read our stdin directly (theirs is the job pipe), so a duplicate of it is made
    // without close-on-exec: every worker inherits that descriptor, and the one given the unit reads it.
    private void AddStdin()
    {
        if (!_seen.Add("-"))
        {
            return;
        }

        var descriptor = OperatingSystem.IsWindows() ? -1 : Posix.Dup(0);
        if (descriptor < 0)
        {
            _errors.Add($"{StdinDisplayName}: cannot be read");
            return;
        }

        _units.Add(new WorkUnit(_units.Count, $"/dev/fd/{descriptor}", StdinDisplayName, 0, Kind: InputKind.Stdin));
    }

    // A FIFO, a process substitution (<(zcat x.gz), i.e. /dev/fd/63) or a device named on the command line
    // is read as a stream: the user asked for it. (Walking a directory skips them: a read could hang.)
    // A /dev/fd/N descriptor is inherited by the workers, which read it directly rather than reopen it.
    private void TakeStream(string path, FileInfo file)
    {
        if (!_seen.Add(file.FullName))
        {
            return;
        }

        var isDescriptor = System.Text.RegularExpressions.Regex.IsMatch(path, "^/(dev|proc/self)/fd/[0-9]+$");
        _units.Add(new WorkUnit(_units.Count, isDescriptor ? "/dev/fd/" + path[(path.LastIndexOf('/') + 1)..] : file.FullName, path, 0,
            Kind: isDescriptor ? InputKind.Stdin : InputKind.File));
    }

    private void Walk(DirectoryInfo directory, string displayPath, string relativePath)
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
            var childRelative = relativePath.Length == 0 ? entry.Name : relativePath + "/" + entry.Name;
            switch (entry)
            {
                case DirectoryInfo child when child.LinkTarget is null:
                    Walk(child, childDisplay, childRelative);
                    break;
                case FileInfo file when IsSelected(file.Name, childRelative):
                    TakeWalked(childDisplay, childRelative, file);
                    break;
            }
        }
    }

    // A data file found while walking that is not a regular file is never silently dropped: a FIFO or
    // a device (a read could hang or never end) is skipped with a warning; one that cannot be reached at
    // all (a dangling symlink, a symlink loop, a name that is not UTF-8) is an error, as it would be
    // when named on the command line, because its rows are not scanned.
    private void TakeWalked(string displayPath, string relativePath, FileInfo file)
    {
        if (IsAnOutput(displayPath, relativePath, FinalPath(file)))
        {
            return; // also a link to an output that does not exist yet
        }

        switch (EntryProbe.WhyNotRegular(file))
        {
            case null:
                Take(displayPath, file, relativePath);
                break;
            case ({ } reason, true):
                _errors.Add($"{displayPath}: {reason}");
                break;
            case ({ } reason, false):
                _warnings.Add($"{displayPath}: {reason}");
                break;
        }
    }

    private bool IsSelected(string name, string relativePath) =>
        _glob.IsEmpty
            ? HasDataExtension(name) || IsCompressedData(name) || name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
            : _glob.Matches(relativePath);

    // FileInfo cannot tell a FIFO or a device from a file, and opening a FIFO blocks until a
    // writer appears: ask stat() for the file type instead (following symlinks).
    private static bool IsRegularFile(FileInfo file) =>
        OperatingSystem.IsWindows() || Posix.IsRegularFile(file.FullName);

    private static bool HasDataExtension(string name) =>
        DataExtensions.Any(extension => name.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    private static bool IsCompressedData(string name) =>
        name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) && HasDataExtension(name[..^".gz".Length]);

    private void Take(string displayPath, FileInfo file, string? relativePath)
    {
        // A walked file (relativePath set) has been checked against the outputs by TakeWalked already.
        var fullPath = FinalPath(file);
        if ((relativePath is null && IsAnOutput(displayPath, relativePath, fullPath)) || !_seen.Add(fullPath))
        {
            return;
        }

        if (file.Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            TakeZipMembers(displayPath, fullPath);
            return;
        }

        var kind = InputOpener.KindOf(fullPath);
        var length = kind == InputKind.File ? file.Length : InputOpener.EstimatedLength(kind, fullPath, null);
        _units.Add(new WorkUnit(_units.Count, fullPath, displayPath, length, Kind: kind));
    }

    // A symlinked file counts as its target: `latest.csv -> 2015-02-01.csv` is read once. A symlink loop
    // has no target; it is reported by the probe in TakeWalked.
    private static string FinalPath(FileInfo file)
    {
        try
        {
            return file.LinkTarget is null ? file.FullName : file.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file.FullName;
        }
        catch (IOException)
        {
            return file.FullName;
        }
    }

    // An output is never read: a new one may sit in a scanned directory (`-o data/rows.csv data/`), or be
    // reached there through a symlink that leads to it; one that exists already is an input the run would
    // destroy, also through a symlink or a hard link, and is noted for OutputClaims to refuse the run.
    private bool IsAnOutput(string displayPath, string? relativePath, string finalPath)
    {
        var key = _outputs.Length == 0 ? (FileKey?)null : FileKey.For(finalPath);
        var output = _outputs.FirstOrDefault(output => key?.IsSameFileAs(output.Key) == true).Path;
        if (output is not null && File.Exists(key!.Value.FullPath))
        {
            _outputsFound.Add(new OutputAmongInputs(output, displayPath, relativePath));
        }

        return output is not null;
    }

    private void TakeZipMembers(string displayPath, string fullPath)
    {
        IReadOnlyList<(string Name, long Length)> members;
        try
        {
            members = ZipMembers.List(fullPath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            _errors.Add($"{displayPath}: not a readable zip archive: {e.Message}");
            return;
        }

        foreach (var (name, length) in members.Where(member => HasDataExtension(member.Name)))
        {
            _units.Add(new WorkUnit(_units.Count, fullPath, $"{displayPath}:{name}", length, Kind: InputKind.ZipMember, Member: name));
        }
    }
}
