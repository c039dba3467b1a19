using TaxiScan.Model;
using TaxiScan.Output;
using TaxiScan.Protocol;
using TaxiScan.Stats;

namespace TaxiScan.Coordination;

/// <summary>
/// Coordination stage: what a settled unit adds to the run. Its rows are committed (written in order) or
/// dropped by the single writer, and its numbers go to the totals of the summary and to <c>--stats</c>.
/// </summary>
internal sealed class RunTally(OrderedRowWriter writer, RunStatistics statistics)
{
    public UnitStats Totals { get; private set; }

    public int FilesScanned { get; private set; }

    public void Commit(UnitFinishedMessage finished, bool countFile)
    {
        Totals = Totals.Add(finished.Stats);
        statistics.UnitSettled(finished);
        if (finished.Status == UnitStatus.Complete)
        {
            FilesScanned += countFile ? 1 : 0;
            writer.Complete(finished.Unit, finished.Stats.Matched);
        }
        else
        {
            writer.Drop(finished.Unit);
        }
    }
}
