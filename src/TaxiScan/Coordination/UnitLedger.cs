using TaxiScan.Model;

namespace TaxiScan.Coordination;

/// <summary>
/// Coordination stage: who owns which unit, which units are settled, and how often each was scanned again.
/// A worker owns its partition's units (a message about any other unit is a broken protocol); a worker
/// started during the run (a retry, a read-on) owns the contiguous units it was given. When a worker dies,
/// <see cref="Lose"/> says what it left unsettled and whether those units may be scanned again.
/// </summary>
internal sealed class UnitLedger(IReadOnlyList<WorkUnit> units, IReadOnlyList<Partition> partitions, int retries)
{
    private readonly List<Partition> _owners = [.. partitions];
    private readonly bool[] _settled = new bool[units.Count];
    private readonly int[] _retried = new int[units.Count];
    private readonly WorkUnit[] _current = [.. units]; // as its worker reads it now (a read-on unit reads to the end of its file)

    public IReadOnlyList<WorkUnit> Units => units;

    public Partition PartitionOf(int worker) => _owners[worker];

    /// <summary>The unit as it is read now: a read-on unit reaches the end of its file.</summary>
    public WorkUnit Current(int unit) => _current[unit];

    public bool IsSettled(int unit) => _settled[unit];

    /// <summary>A new worker for contiguous units that already have a partition; it owns them from now on.</summary>
    public Partition AddWorker(IReadOnlyList<WorkUnit> work)
    {
        var partition = new Partition(_owners.Count, work[0].Index, work.Count, work.Sum(unit => unit.Bytes));
        _owners.Add(partition);
        return partition;
    }

    /// <exception cref="InvalidDataException">The worker reported a unit outside its partition.</exception>
    public void EnsureOwned(int worker, int unit)
    {
        var partition = _owners[worker];
        if (unit < partition.FirstUnit || unit >= partition.FirstUnit + partition.Count)
        {
            throw new InvalidDataException($"worker {partition.Index} reported unit {unit}, which is not in its partition");
        }
    }

    /// <returns>False when the unit was settled already: a failed worker's unit is not settled again by a late report.</returns>
    public bool TrySettle(int unit)
    {
        if (_settled[unit])
        {
            return false;
        }

        _settled[unit] = true;
        return true;
    }

    /// <summary>The unit is read on to the end of its file by another worker: unsettled again, and read as <paramref name="tail"/>.</summary>
    public void ReadOn(WorkUnit tail)
    {
        _settled[tail.Index] = false;
        _current[tail.Index] = tail;
    }

    /// <summary>What a dead worker left: its unsettled units (less those <paramref name="readOnElsewhere"/>), and
    /// whether they are scanned again (each at most <c>--retries</c> times), in contiguous runs.</summary>
    public WorkerLoss Lose(int worker, Func<int, bool> readOnElsewhere)
    {
        var partition = _owners[worker];
        var unfinished = new List<int>();
        for (var unit = partition.FirstUnit; unit < partition.FirstUnit + partition.Count; unit++)
        {
            if (!_settled[unit] && !readOnElsewhere(unit))
            {
                unfinished.Add(unit);
            }
        }

        if (unfinished.Count == 0 || unfinished.Any(unit => _retried[unit] >= retries))
        {
            return new WorkerLoss(unfinished, Attempt: 0, Runs: []);
        }

        var attempt = unfinished.Max(unit => ++_retried[unit]);
        return new WorkerLoss(unfinished, attempt, ContiguousRuns(unfinished));
    }

    private static List<IReadOnlyList<int>> ContiguousRuns(List<int> units)
    {
        var runs = new List<IReadOnlyList<int>>();
        var run = new List<int>();
        foreach (var unit in units)
        {
            if (run.Count > 0 && unit != run[^1] + 1)
            {
                runs.Add(run);
                run = [];
            }

            run.Add(unit);
        }

        if (run.Count > 0)
        {
            runs.Add(run);
        }

        return runs;
    }
}

/// <summary>What a dead worker left unsettled. <paramref name="Attempt"/> is the retry about to be made (1 for
/// the first), or 0 when nothing is retried: nothing was lost, or the retries are used up.</summary>
internal sealed record WorkerLoss(IReadOnlyList<int> Unfinished, int Attempt, IReadOnlyList<IReadOnlyList<int>> Runs)
{
    public bool NothingLost => Unfinished.Count == 0;

    public bool RetriesExhausted => Unfinished.Count > 0 && Attempt == 0;
}
