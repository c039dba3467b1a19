using TaxiScan.Model;
using TaxiScan.Protocol;
using static TaxiScan.Tests.Unit.Coordination.CoordinationRig;

namespace TaxiScan.Tests.Unit.Coordination;

/// <summary>A worker's death at each step of its partition, and what the run does about it.</summary>
public class WorkerFailuresTests
{
    [Fact]
    public void A_worker_that_dies_before_its_first_unit_has_its_whole_partition_scanned_again()
    {
        var rig = new CoordinationRig();

        rig.Failures.WorkerExited(Died(0));

        Assert.Equal(["discard 0", "discard 1", "start worker 2: 0 1@0-1000"], rig.Actions.Calls);
        Assert.Equal(1, rig.Statistics.RecoveredWorkers);
        Assert.Equal(0, rig.Failures.Failed);
        Assert.Equal(["Warning: worker 0 (pid 4000) failed (exit code 137, its pipe ended before the partition summary); scanning its 2 unfinished files again in a new worker (retry 1 of 1): a.csv, big.csv"], rig.Log.Lines);
    }

    [Fact]
    public void A_worker_that_dies_mid_partition_loses_only_its_unsettled_units_in_runs()
    {
        var rig = new CoordinationRig();
        rig.Tracker.Settle(Finished(1, 3));

        rig.Failures.WorkerExited(Died(1));

        Assert.Equal(["discard 2", "start worker 2: 2@1000-2000", "discard 4", "start worker 3: 4"], rig.Actions.Calls);
    }

    [Fact]
    public void A_worker_that_dies_after_finishing_everything_lost_nothing()
    {
        var rig = new CoordinationRig();
        rig.Tracker.Settle(Finished(0, 0));
        rig.Tracker.Settle(Finished(0, 1));
        rig.Actions.Calls.Clear();

        rig.Failures.WorkerExited(new WorkerExitedMessage(0, 4000, 1, Completed: true, StderrTail: ""));

        Assert.Empty(rig.Actions.Calls);
        Assert.Equal(0, rig.Statistics.RecoveredWorkers);
        Assert.Equal(["Warning: worker 0 (pid 4000) failed (exit code 1) after finishing its files; nothing was lost"], rig.Log.Lines);
    }

    [Fact]
    public void When_the_retry_dies_too_the_files_are_given_up_named_and_their_rows_dropped_whole()
    {
        var rig = new CoordinationRig(retries: 1);
        rig.Failures.WorkerExited(Died(0));
        rig.Actions.Calls.Clear();
        rig.Log.Lines.Clear();

        rig.Failures.WorkerExited(new WorkerExitedMessage(2, 4002, 139, Completed: false, StderrTail: "Segmentation fault"));

        Assert.Equal(["commit 0 Failed matched=0 file"], rig.Actions.Calls); // unit 1 waits for the other ranges of big.csv
        Assert.Equal(1, rig.Failures.Failed);
        Assert.Equal(1, rig.Reporter.Errors);
        Assert.Equal(["Error: worker 2 (pid 4002) failed (exit code 139, its pipe ended before the partition summary); 2 files not finished: a.csv, big.csv; it said: Segmentation fault"], rig.Log.Lines);
        Assert.Equal(["not finished: worker 2 (pid 4002) failed (exit code 139, its pipe ended before the partition summary)"], rig.Statistics.Files[0].Errors);

        // The other ranges come in: the whole of big.csv is dropped, not only the range that was lost.
        rig.Tracker.Settle(Finished(1, 2, matched: 4));
        rig.Tracker.Settle(Finished(1, 3, matched: 1));
        Assert.Equal(["commit 0 Failed matched=0 file", "commit 1 Failed matched=0 file", "commit 2 Failed matched=4", "commit 3 Failed matched=1"], rig.Actions.Calls);
    }

    [Fact]
    public void A_dead_worker_does_not_take_down_a_read_on_that_another_worker_is_doing()
    {
        var rig = new CoordinationRig();
        rig.Tracker.Settle(Finished(0, 1));
        rig.Tracker.Settle(Finished(1, 2, UnitStatus.QuoteInRange));
        rig.Tracker.Settle(Finished(1, 3));
        rig.Actions.Calls.Clear(); // worker 2 reads big.csv on from unit 2

        rig.Failures.WorkerExited(Died(1));

        Assert.Equal(["discard 4", "start worker 3: 4"], rig.Actions.Calls);
    }

    [Fact]
    public void When_the_read_on_worker_dies_its_unit_is_read_on_again_by_the_retry_worker()
    {
        var rig = new CoordinationRig();
        rig.Tracker.Settle(Finished(0, 1, matched: 1));
        rig.Tracker.Settle(Finished(1, 2, UnitStatus.QuoteInRange));
        rig.Tracker.Settle(Finished(1, 3));
        rig.Actions.Calls.Clear();

        rig.Failures.WorkerExited(Died(2));

        Assert.Equal(["discard 2", "start worker 3: 2@1000-end"], rig.Actions.Calls);
        Assert.True(rig.Tracker.IsReadOnElsewhere(2, worker: 2));
        Assert.False(rig.Tracker.IsReadOnElsewhere(2, worker: 3));

        rig.Actions.Calls.Clear();
        rig.Tracker.Settle(Finished(3, 2, matched: 6));
        Assert.Equal(["commit 1 Complete matched=1 file", "commit 2 Complete matched=6"], rig.Actions.Calls);
    }

    [Fact]
    public void A_retried_ranges_held_diagnostics_are_forgotten_so_the_new_worker_reports_them_once()
    {
        var rig = new CoordinationRig();
        rig.Tracker.Diagnose(new DiagnosticMessage(1, 2, 3, DiagnosticLevel.Warning, "row has 2 fields"));

        rig.Failures.WorkerExited(Died(1));
        rig.Tracker.Diagnose(new DiagnosticMessage(2, 2, 3, DiagnosticLevel.Warning, "row has 2 fields"));
        rig.Tracker.Settle(Finished(0, 1, lines: 100));
        rig.Tracker.Settle(Finished(2, 2, lines: 100));
        rig.Tracker.Settle(Finished(2, 3));

        Assert.Single(rig.Log.Lines, line => line == "Warning: big.csv:103: row has 2 fields");
    }
}
