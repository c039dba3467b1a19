using System.Diagnostics;
using TaxiScan.Coordination;
using TaxiScan.Model;
using TaxiScan.Protocol;

namespace TaxiScan.Stats;

/// <summary>
/// The statistics stage of the coordinator, for <c>--stats</c>: what the run found in each input file and
/// what went wrong, fed by <see cref="ScanCoordinator"/> where it settles units and reports diagnostics
/// and dialects, and written by <see cref="StatsReport"/> at the end. Files are in input order.
/// </summary>
internal sealed class RunStatistics
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<FileStatistics> _files = [];
    private readonly List<string> _errors = [];
    private FileStatistics[] _fileOfUnit = [];

    public IReadOnlyList<FileStatistics> Files => _files;

    /// <summary>Every error line of the run, as printed on stderr (without the <c>taxiscan: </c> prefix).</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Workers that failed and whose unfinished files were scanned again by new workers.</summary>
    public int RecoveredWorkers { get; set; }

    /// <summary>Since the run started.</summary>
    public TimeSpan Wall => _clock.Elapsed;

    /// <summary>
    /// Makes one entry per file of <paramref name="units"/> (as cut into byte ranges, indexed by position):
    /// a range that starts past its file's first byte belongs to the entry before it.
    /// </summary>
    public void ListFiles(IReadOnlyList<WorkUnit> units)
    {
        _fileOfUnit = new FileStatistics[units.Count];
        for (var unit = 0; unit < units.Count; unit++)
        {
            var continues = unit > 0 && units[unit].Range is { Start: > 0 } && units[unit].Path == units[unit - 1].Path;
            if (!continues)
            {
                _files.Add(new FileStatistics(units[unit].DisplayPath));
            }

            _fileOfUnit[unit] = _files[^1];
        }
    }

    public void AddError(string line) => _errors.Add(line);

    public void UnitSettled(UnitFinishedMessage finished) => _fileOfUnit[finished.Unit].Add(finished);

    public void Dialect(int unit, Dialect dialect) => _fileOfUnit[unit].Dialect = dialect;

    /// <summary>A diagnostic as it is reported to the user: errors and file warnings are kept; malformed rows are counted by kind instead.</summary>
    public void Diagnostic(int unit, DiagnosticMessage diagnostic)
    {
        if (diagnostic.Level == DiagnosticLevel.Error)
        {
            _fileOfUnit[unit].AddError(diagnostic.Text);
        }
        else if (diagnostic is { Level: DiagnosticLevel.Warning, Kind: null })
        {
            _fileOfUnit[unit].AddWarning(diagnostic.Text);
        }
    }

    /// <summary>An error about a file that no worker reported (its worker died).</summary>
    public void FileError(int unit, string message) => _fileOfUnit[unit].AddError(message);
}
