using TaxiScan.Model;
using TaxiScan.Protocol;

namespace TaxiScan.Coordination;

/// <summary>
/// Coordination stage: what settling a unit does to the run, as the read-on tracker and the worker failures
/// ask for it. The run's implementation writes through the single writer and starts workers; unit tests
/// record the calls.
/// </summary>
internal interface IUnitActions
{
    /// <summary>The unit is settled: its rows are written in order (complete) or dropped (failed), its numbers counted.</summary>
    /// <param name="finished">The unit's outcome, as its worker (or the tracker) settled it.</param>
    /// <param name="countFile">Whether it counts as a file scanned (a split file counts once, for its first range).</param>
    void Commit(UnitFinishedMessage finished, bool countFile);

    /// <summary>The unit's rows are dropped and it is settled as producing none.</summary>
    void Drop(int unit);

    /// <summary>The rows received so far for the unit are thrown away; it will be scanned again.</summary>
    void Discard(int unit);

    /// <summary>Starts a worker for contiguous units (a retry, a read-on).</summary>
    /// <returns>The new worker's index.</returns>
    int StartWorker(IReadOnlyList<WorkUnit> work);
}
