using TaxiScan.Model;
using TaxiScan.Protocol;


namespace TaxiScan.Stats;

/// <summary>
/// One input file's entry in the <c>--stats</c> report: its units' counts added up (a file cut into byte
/// ranges is one entry), its dialect, its error and warning messages, and how its scan ended.
/// </summary>
internal sealed class FileStatistics(string path)
{
    private readonly List<string> _errors = [];
    private readonly List<string> _warnings = [];
    private bool _settled;
    private bool _failed;

    /// <summary>The path as messages show it.</summary>
    public string Path => path;

    /// <summary>What the worker read: bytes, rows, matches, malformed rows and its time, summed over the file's units.</summary>
    public UnitStats Stats { get; private set; }

    public MalformedCounts MalformedByKind { get; private set; }

    /// <summary>As the worker settled it; null until it has, and for a file that was never sniffed.</summary>
    public Dialect? Dialect { get; set; }

    /// <summary>The file's error messages, each once.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>The file's warnings other than malformed rows (those are counted by kind), each once.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    public FileStatus Status =>
        !_settled ? FileStatus.NotScanned
        : _failed ? FileStatus.Failed
        // A worker skips a binary file before it settles a dialect, and reports the unit complete: every
        // file it did read has a dialect (an empty one too), so none means skipped.
        : Dialect is null ? FileStatus.Skipped
        : FileStatus.Complete;

    /// <summary>Adds one of the file's units, as the coordinator settled it (once per unit).</summary>
    public void Add(UnitFinishedMessage finished)
    {
        _settled = true;
        _failed |= finished.Status != UnitStatus.Complete;
        Stats = Stats.Add(finished.Stats);
        MalformedByKind = MalformedByKind.Add(finished.ByKind);
    }

    // A unit scanned again after its worker died reports the same messages again: keep them once.
    public void AddError(string message) => AddOnce(_errors, message);

    public void AddWarning(string message) => AddOnce(_warnings, message);

    private static void AddOnce(List<string> messages, string message)
    {
        if (!messages.Contains(message))
        {
            messages.Add(message);
        }
    }
}

/// <summary>How a file's scan ended, in the <c>--stats</c> report.</summary>
internal enum FileStatus
{
    /// <summary>The run ended before the file was done (a signal, stdout closed, an output error).</summary>
    NotScanned,

    /// <summary>Read to its end; its rows are written.</summary>
    Complete,

    /// <summary>Not searched, and not an error: binary data (its warning says so).</summary>
    Skipped,

    /// <summary>Could not be read, or its worker failed more often than <c>--retries</c> allows; none of its rows are written.</summary>
    Failed,
}
