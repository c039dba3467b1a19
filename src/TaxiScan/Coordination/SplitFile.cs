using TaxiScan.Model;
using TaxiScan.Protocol;


namespace TaxiScan.Coordination;

/// <summary>
/// The coordinator's record of one file cut into byte ranges (units <see cref="FirstUnit"/> onwards):
/// what each range's worker reported, held until every range has reported. Only then is it known
/// whether the cuts were safe (no range held a quote) and at which line of the whole file each range
/// starts, which its diagnostics need (a worker counts lines from its range's start). Its diagnostics
/// are then reported as one worker would have: an error once, malformed rows 3 of each kind per file.
/// </summary>
internal sealed class SplitFile(int firstUnit, int count)
{
    private readonly UnitFinishedMessage?[] _finished = new UnitFinishedMessage?[count];
    private readonly List<DiagnosticMessage>[] _diagnostics = [.. Enumerable.Range(0, count).Select(_ => new List<DiagnosticMessage>())];
    private readonly int[] _shownByKind = new int[Enum.GetValues<MalformedKind>().Length];
    private readonly HashSet<string> _errorsShown = [];

    public int FirstUnit => firstUnit;

    public int Count => count;

    /// <summary>The range from which the rest of the file is being read whole, after it turned out to hold a quote.</summary>
    public int? ReadOnFrom { get; private set; }

    /// <summary>The worker reading the file on from <see cref="ReadOnFrom"/>.</summary>
    public int ReadOnWorker { get; private set; } = -1;

    /// <summary>The last unit whose rows count: the read-on unit, or the last range.</summary>
    public int LastUnit => ReadOnFrom ?? firstUnit + count - 1;

    public void Hold(DiagnosticMessage diagnostic) => _diagnostics[diagnostic.Unit - firstUnit].Add(diagnostic);

    /// <returns>True when every range (or the read-on unit) has reported.</returns>
    public bool Record(UnitFinishedMessage finished)
    {
        _finished[finished.Unit - firstUnit] = finished;
        return ReadOnFrom is { } unit ? finished.Unit == unit : _finished.All(each => each is not null);
    }

    public UnitFinishedMessage Finished(int unit) => _finished[unit - firstUnit]!;

    public IReadOnlyList<DiagnosticMessage> Diagnostics(int unit) => _diagnostics[unit - firstUnit];

    /// <summary>The first range that held a quote, if any.</summary>
    public int? FirstQuotedRange()
    {
        var index = Array.FindIndex(_finished, each => each!.Status == UnitStatus.QuoteInRange);
        return index < 0 ? null : firstUnit + index;
    }

    /// <summary>Whether a range up to <paramref name="lastUnit"/> (or the read-on) failed: then the whole file fails.</summary>
    public bool AnyFailedThrough(int lastUnit) => Through(lastUnit).Any(each => each.Status == UnitStatus.Failed);

    /// <summary>Whether a range up to <paramref name="lastUnit"/> (or the read-on) ended other than complete.</summary>
    public bool AnyIncompleteThrough(int lastUnit) => Through(lastUnit).Any(each => each.Status != UnitStatus.Complete);

    /// <summary>The malformed rows of the ranges up to <paramref name="lastUnit"/>, by kind.</summary>
    public MalformedCounts MalformedThrough(int lastUnit) => Through(lastUnit).Aggregate(default(MalformedCounts), (sum, each) => sum.Add(each.ByKind));

    /// <summary>Whether a held diagnostic is reported: the same error once per file, malformed rows 3 of each kind per file.</summary>
    public bool Show(DiagnosticMessage diagnostic) => diagnostic switch
    {
        { Kind: { } kind } => ++_shownByKind[(int)kind] <= MalformedCounts.ReportedPerKind,
        { Level: DiagnosticLevel.Error } => _errorsShown.Add(diagnostic.Text),
        _ => true,
    };

    /// <summary>The lines of the ranges before <paramref name="unit"/>: add them to its workers' line numbers.</summary>
    public long LinesBefore(int unit) => _finished.Take(unit - firstUnit).Sum(each => each!.Stats.Lines);

    /// <summary>Forget what <paramref name="unit"/> reported: it is read again, from its start to the end of the file.</summary>
    public void ForgetDiagnostics(int unit) => _diagnostics[unit - firstUnit].Clear();

    public void StartReadingOn(int unit, int worker)
    {
        ReadOnFrom = unit;
        ReadOnWorker = worker;
        ForgetDiagnostics(unit);
    }

    // What the ranges up to lastUnit reported (all have, when this is asked).
    private IEnumerable<UnitFinishedMessage> Through(int lastUnit) => _finished.Take(lastUnit - firstUnit + 1).Select(each => each!);
}
