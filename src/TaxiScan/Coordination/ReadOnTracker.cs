using TaxiScan.Model;
using TaxiScan.Planning;
using TaxiScan.Protocol;

namespace TaxiScan.Coordination;

/// <summary>
/// Coordination stage: settling units, and the files cut into byte ranges (<see cref="SplitFile"/>). A cut is
/// blind: a range may start inside a quoted field. So a split file's ranges are held until all are in; a range
/// that met a quote drops the ranges after it, and the file is read on from that range's start to its end by
/// one more worker (a read-on). A shard's lone range of a file that met a quote is read on the same way,
/// unless the file is quoted from its first bytes (then the shard with its first range reads it whole).
/// </summary>
internal sealed class ReadOnTracker
{
    private readonly UnitLedger _ledger;
    private readonly DiagnosticReporter _reporter;
    private readonly IUnitActions _actions;
    private readonly Func<string, bool> _quotedFromStart;
    private readonly Dictionary<int, SplitFile> _splitFiles = [];
    private readonly HashSet<int> _readOnUnits = [];

    /// <param name="splitFiles">The plan's files cut into several ranges.</param>
    /// <param name="ledger">Which units are settled, and how each is read now.</param>
    /// <param name="reporter">Where diagnostics go once their line numbers are known.</param>
    /// <param name="actions">What settling does: commit, drop, discard, start a read-on worker.</param>
    /// <param name="quotedFromStart">Whether a file has a quote in the bytes every range sniffs (IO/FileHead).</param>
    public ReadOnTracker(IReadOnlyList<SplitFileSpan> splitFiles, UnitLedger ledger, DiagnosticReporter reporter, IUnitActions actions, Func<string, bool> quotedFromStart)
    {
        (_ledger, _reporter, _actions, _quotedFromStart) = (ledger, reporter, actions, quotedFromStart);
        foreach (var span in splitFiles)
        {
            var split = new SplitFile(span.FirstUnit, span.Count);
            for (var unit = span.FirstUnit; unit < span.FirstUnit + span.Count; unit++)
            {
                _splitFiles[unit] = split;
            }
        }
    }

    /// <summary>The units that were read on to the end of their file (a shard's manifest marks them).</summary>
    public IReadOnlySet<int> ReadOnUnits => _readOnUnits;

    /// <summary>The units of the file <paramref name="unit"/> belongs to: the whole split file, or the unit alone.</summary>
    public IEnumerable<int> UnitsOfFile(int unit) =>
        _splitFiles.TryGetValue(unit, out var split) ? Enumerable.Range(split.FirstUnit, split.Count) : [unit];

    /// <summary>Whether <paramref name="unit"/> is being read on by a worker other than <paramref name="worker"/>:
    /// then that worker's death does not leave it unfinished.</summary>
    public bool IsReadOnElsewhere(int unit, int worker) =>
        _splitFiles.TryGetValue(unit, out var split) && split.ReadOnFrom == unit && split.ReadOnWorker != worker;

    /// <summary>A worker's diagnostic: reported now, or held until its split file's line numbers are known.</summary>
    public void Diagnose(DiagnosticMessage diagnostic)
    {
        if (_splitFiles.TryGetValue(diagnostic.Unit, out var split))
        {
            split.Hold(diagnostic);
        }
        else
        {
            _reporter.Report(diagnostic, _ledger.Units[diagnostic.Unit], linesBefore: 0);
        }
    }

    /// <summary>A dead worker's unit is about to be scanned again: what it reported is forgotten (the new worker reports it again).</summary>
    public void Forget(int unit)
    {
        if (_splitFiles.TryGetValue(unit, out var split))
        {
            split.ForgetDiagnostics(unit);
        }
    }

    /// <summary>A unit scanned again by <paramref name="worker"/>: if it was the read-on of its file, that worker reads it on now.</summary>
    public void Rescanned(int unit, int worker)
    {
        if (_splitFiles.TryGetValue(unit, out var split) && split.ReadOnFrom == unit)
        {
            split.StartReadingOn(unit, worker);
        }
    }

    /// <summary>A unit is done (complete, failed, or a quote met in its byte range).</summary>
    public void Settle(UnitFinishedMessage finished)
    {
        if (!_ledger.TrySettle(finished.Unit))
        {
            return;
        }

        var unit = _ledger.Units[finished.Unit];
        if (finished.Status == UnitStatus.QuoteInRange && !_splitFiles.ContainsKey(finished.Unit))
        {
            // A lone range of a file cut between shards met a quote: as one run does, read the file on from the
            // range's start to its end. The ranges after it belong to other shards, which may read them too;
            // merge keeps only the earliest read-on's rows for the rest of the file (see PartManifest).
            _actions.Discard(finished.Unit);
            if (unit.Range!.Value.Start > 0 && _quotedFromStart(unit.Path))
            {
                // Quoted from its first lines (a quoted header, as Porto's): the shard holding the file's first
                // range reads it on from its start, and merge takes the rest of the file from there. Reading on
                // here too would give merge nothing it keeps.
                _reporter.Log.Information("{File:l}: quoted from its start; the shard with its first range reads it whole", unit.DisplayPath);
                _actions.Commit(finished with { Status = UnitStatus.Complete, Stats = default }, countFile: true);
                return;
            }

            ReadOn(unit);
            return;
        }

        if (!_splitFiles.TryGetValue(finished.Unit, out var split))
        {
            _actions.Commit(finished, countFile: true);
            _reporter.Malformed(unit, finished.ByKind);
            return;
        }

        if (!split.Record(finished))
        {
            return;
        }

        // All ranges are in. Ranges after one that held a quote were cut blind: their rows are dropped and
        // the file is read on from that range's start; the file is settled when the read-on is done.
        if (split.ReadOnFrom is null && !split.AnyFailedThrough(split.LastUnit) && split.FirstQuotedRange() is { } quoted)
        {
            for (var after = quoted + 1; after < split.FirstUnit + split.Count; after++)
            {
                _actions.Drop(after);
            }

            _actions.Discard(quoted);
            split.StartReadingOn(quoted, ReadOn(_ledger.Units[quoted]));
            return;
        }

        // The file is done: reported as one worker would report it, its rows all written or (if any part
        // failed) none of them.
        var failed = split.AnyIncompleteThrough(split.LastUnit);
        for (var each = split.FirstUnit; each <= split.LastUnit; each++)
        {
            var linesBefore = split.LinesBefore(each);
            foreach (var diagnostic in split.Diagnostics(each).Where(split.Show))
            {
                _reporter.Report(diagnostic, _ledger.Units[each], linesBefore);
            }

            var outcome = split.Finished(each);
            _actions.Commit(failed ? outcome with { Status = UnitStatus.Failed } : outcome, countFile: each == split.FirstUnit);
        }

        _reporter.Malformed(_ledger.Units[split.FirstUnit], split.MalformedThrough(split.LastUnit));
    }

    // One more worker reads the file on from this unit's start to its end, quotes and all. The unit stays in
    // its first worker's partition too, so that worker's failure must not settle it.
    private int ReadOn(WorkUnit unit)
    {
        var tail = unit with { Range = new ByteRange(unit.Range!.Value.Start, long.MaxValue) };
        _readOnUnits.Add(tail.Index);
        _ledger.ReadOn(tail);
        _reporter.Log.Information("{File:l}: quotes in the data; reading it on from byte {Start} in one piece", tail.DisplayPath, tail.Range!.Value.Start);
        return _actions.StartWorker([tail]);
    }
}
