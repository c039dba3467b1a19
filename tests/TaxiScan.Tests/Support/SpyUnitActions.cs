using TaxiScan.Coordination;
using TaxiScan.Model;
using TaxiScan.Protocol;

namespace TaxiScan.Tests.Support;

/// <summary>An <see cref="IUnitActions"/> that records each call as a line; a worker it is asked to start gets
/// its index from <paramref name="start"/> (in the rig, the ledger's new partition, as in a run).</summary>
internal sealed class SpyUnitActions(Func<IReadOnlyList<WorkUnit>, int> start) : IUnitActions
{
    public List<string> Calls { get; } = [];

    public void Commit(UnitFinishedMessage finished, bool countFile) =>
        Calls.Add($"commit {finished.Unit} {finished.Status} matched={finished.Stats.Matched}{(countFile ? " file" : "")}");

    public void Drop(int unit) => Calls.Add($"drop {unit}");

    public void Discard(int unit) => Calls.Add($"discard {unit}");

    public int StartWorker(IReadOnlyList<WorkUnit> work)
    {
        var worker = start(work);
        Calls.Add($"start worker {worker}: " + string.Join(" ", work.Select(unit => unit.Range is { } range ? $"{unit.Index}@{range.Start}-{(range.IsBounded ? range.End.ToString(System.Globalization.CultureInfo.InvariantCulture) : "end")}" : $"{unit.Index}")));
        return worker;
    }
}
