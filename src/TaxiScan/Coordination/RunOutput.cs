using TaxiScan.Model;
using TaxiScan.Output;

namespace TaxiScan.Coordination;

/// <summary>
/// Coordination stage: where the run's rows go. The target (standard output, a device, or <c>-o FILE</c>
/// written whole or not at all), the spool that holds rows of units that cannot be written yet, and the
/// single writer over them.
/// </summary>
internal sealed class RunOutput : IDisposable
{
    /// <summary>Rows held in memory for units that cannot be written yet; past this they spill to a temporary file.</summary>
    public const long SpoolMemoryBudget = 32L << 20;

    private readonly IOutputTarget _target;
    private bool _committed;

    private RunOutput(IOutputTarget target, OrderedRowWriter writer) => (_target, Writer) = (target, writer);

    public OrderedRowWriter Writer { get; }

    /// <returns>The output, or null when the output file cannot be created (reported).</returns>
    public static RunOutput? Open(ScanOptions options, TerminalLayout terminal, IReadOnlyList<WorkUnit> units, DiagnosticReporter reporter)
    {
        IOutputTarget target;
        try
        {
            target = options.OutputPath is null ? new StdoutTarget(terminal.DataDescriptor) : DeviceFileTarget.OpenOutput(options.OutputPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reporter.Log.Error("{Output:l}: cannot create the output file: {Reason:l}", options.OutputPath, e.Message);
            return null;
        }

        // Spilled rows go beside the output (same file system, same owner), else to the temporary directory.
        var spillDirectory = options.OutputPath is null ? Path.GetTempPath() : Path.GetDirectoryName(Path.GetFullPath(options.OutputPath))!;
        var spool = new RowSpool(SpoolMemoryBudget, spillDirectory);
        var summary = options.Mode is OutputMode.CountPerFile or OutputMode.Total or OutputMode.FilesWithMatches
            ? new FileMatchSummary(target.Stream, options.Mode, units, options.MaxCount, options.NullSeparated)
            : null;
        // A shard's part carries no header: which part's rows come first is known only to merge (the manifest keeps it).
        var printHeader = options.PrintHeader && options.Shard is null;
        var writer = new OrderedRowWriter(target.Stream, spool, units.Count, terminal.DeferRowsUntilBarsAreGone, printHeader, summary);
        return new RunOutput(target, writer);
    }

    /// <summary>Writes what is held and puts the output in place (an <c>-o</c> file appears only now).</summary>
    public void Commit()
    {
        _target.Commit();
        _committed = true;
    }

    /// <summary>Without <see cref="Commit"/>, an <c>-o</c> file is never created, and a file of the user's is never touched.</summary>
    public void Dispose()
    {
        if (!_committed)
        {
            _target.Abort();
        }

        _target.Dispose();
        Writer.Dispose(); // and the spool under it, with its spill file
    }
}
