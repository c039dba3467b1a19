using TaxiScan.Model;
using TaxiScan.Protocol;
using static TaxiScan.Tests.Unit.Coordination.CoordinationRig;

namespace TaxiScan.Tests.Unit.Coordination;

/// <summary>Settling units and split files, fed scripted messages as the workers would send them.</summary>
public class ReadOnTrackerTests
{
    [Fact]
    public void A_whole_file_is_committed_when_its_worker_finishes_it_and_a_late_second_report_changes_nothing()
    {
        var rig = new CoordinationRig();

        rig.Tracker.Settle(Finished(0, 0, matched: 4));
        rig.Tracker.Settle(Finished(0, 0, UnitStatus.Failed));

        Assert.Equal(["commit 0 Complete matched=4 file"], rig.Actions.Calls);
    }

    [Fact]
    public void A_split_file_is_committed_only_when_all_its_ranges_are_in_and_counts_as_one_file()
    {
        var rig = new CoordinationRig();

        rig.Tracker.Settle(Finished(1, 3, matched: 1));
        rig.Tracker.Settle(Finished(0, 1, matched: 2));
        Assert.Empty(rig.Actions.Calls);

        rig.Tracker.Settle(Finished(1, 2, matched: 3));

        Assert.Equal(["commit 1 Complete matched=2 file", "commit 2 Complete matched=3", "commit 3 Complete matched=1"], rig.Actions.Calls);
    }

    [Fact]
    public void A_diagnostic_of_a_later_range_is_reported_at_its_line_in_the_whole_file_once_the_ranges_before_it_are_in()
    {
        var rig = new CoordinationRig();

        rig.Tracker.Diagnose(new DiagnosticMessage(1, 3, 5, DiagnosticLevel.Warning, "row has 2 fields"));
        rig.Tracker.Diagnose(new DiagnosticMessage(0, 0, 7, DiagnosticLevel.Error, "bad gzip"));
        Assert.Equal(["Error: a.csv:7: bad gzip"], rig.Log.Lines); // an unsplit file's diagnostic goes out at once

        rig.Tracker.Settle(Finished(0, 1, lines: 10));
        rig.Tracker.Settle(Finished(1, 2, lines: 20));
        rig.Tracker.Settle(Finished(1, 3, lines: 30));

        Assert.Equal(["Error: a.csv:7: bad gzip", "Warning: big.csv:35: row has 2 fields"], rig.Log.Lines);
        Assert.Equal(1, rig.Reporter.Errors);
    }

    [Fact]
    public void The_same_error_of_several_ranges_is_reported_once_per_file()
    {
        var rig = new CoordinationRig();
        foreach (var unit in new[] { 1, 2, 3 })
        {
            rig.Tracker.Diagnose(new DiagnosticMessage(unit == 1 ? 0 : 1, unit, 0, DiagnosticLevel.Error, "cannot read: I/O error"));
        }

        rig.Tracker.Settle(Finished(0, 1));
        rig.Tracker.Settle(Finished(1, 2));
        rig.Tracker.Settle(Finished(1, 3));

        Assert.Equal(["Error: big.csv: cannot read: I/O error"], rig.Log.Lines);
    }

    [Fact]
    public void A_range_that_met_a_quote_drops_the_ranges_after_it_and_the_file_is_read_on_from_its_start()
    {
        var rig = new CoordinationRig();

        rig.Tracker.Settle(Finished(0, 1, matched: 2, lines: 10));
        rig.Tracker.Settle(Finished(1, 2, UnitStatus.QuoteInRange));
        rig.Tracker.Settle(Finished(1, 3, matched: 9));

        Assert.Equal(["drop 3", "discard 2", "start worker 2: 2@1000-end"], rig.Actions.Calls);
        Assert.Equal(new ByteRange(1000, long.MaxValue), rig.Ledger.Current(2).Range);
        Assert.Equal([2], rig.Tracker.ReadOnUnits);
        Assert.Equal(["Information: big.csv: quotes in the data; reading it on from byte 1000 in one piece"], rig.Log.Lines);

        // The read-on worker owns unit 2 now; when it is done, the file is settled through its read-on.
        rig.Ledger.EnsureOwned(2, 2);
        rig.Actions.Calls.Clear();
        rig.Tracker.Settle(Finished(2, 2, matched: 5));

        Assert.Equal(["commit 1 Complete matched=2 file", "commit 2 Complete matched=5"], rig.Actions.Calls);
    }

    [Fact]
    public void A_split_file_with_a_failed_range_is_dropped_whole_and_not_read_on()
    {
        var rig = new CoordinationRig();

        rig.Tracker.Settle(Finished(0, 1, matched: 2));
        rig.Tracker.Settle(Finished(1, 2, UnitStatus.Failed));
        rig.Tracker.Settle(Finished(1, 3, UnitStatus.QuoteInRange));

        Assert.Equal(["commit 1 Failed matched=2 file", "commit 2 Failed matched=0", "commit 3 Failed matched=0"], rig.Actions.Calls);
    }

    [Fact]
    public void A_shards_lone_range_that_met_a_quote_is_read_on_to_the_end_of_its_file()
    {
        var lone = new WorkUnit(0, "big.csv", "big.csv", 3000, Range: new ByteRange(1000, 2000));
        var rig = new CoordinationRig(units: [lone, new WorkUnit(1, "x.csv", "x.csv", 1), new WorkUnit(2, "y.csv", "y.csv", 1)], splitFiles: []);

        rig.Tracker.Settle(Finished(0, 0, UnitStatus.QuoteInRange));

        Assert.Equal(["discard 0", "start worker 2: 0@1000-end"], rig.Actions.Calls);
    }

    [Fact]
    public void A_shards_lone_range_of_a_file_quoted_from_its_start_is_left_to_the_shard_with_the_first_range()
    {
        var lone = new WorkUnit(0, "porto.csv", "porto.csv", 3000, Range: new ByteRange(1000, 2000));
        string? asked = null;
        var rig = new CoordinationRig(quotedFromStart: path => (asked = path) == "porto.csv", units: [lone, new WorkUnit(1, "x.csv", "x.csv", 1), new WorkUnit(2, "y.csv", "y.csv", 1)], splitFiles: []);

        rig.Tracker.Settle(Finished(0, 0, UnitStatus.QuoteInRange, matched: 3));

        Assert.Equal("porto.csv", asked);
        Assert.Equal(["discard 0", "commit 0 Complete matched=0 file"], rig.Actions.Calls);
        Assert.Equal(["Information: porto.csv: quoted from its start; the shard with its first range reads it whole"], rig.Log.Lines);
    }

    [Fact]
    public void A_unit_being_read_on_by_another_worker_is_that_workers_alone()
    {
        var rig = new CoordinationRig();
        rig.Tracker.Settle(Finished(0, 1));
        rig.Tracker.Settle(Finished(1, 2, UnitStatus.QuoteInRange));
        rig.Tracker.Settle(Finished(1, 3));

        Assert.True(rig.Tracker.IsReadOnElsewhere(2, worker: 1));
        Assert.False(rig.Tracker.IsReadOnElsewhere(2, worker: 2));
        Assert.False(rig.Tracker.IsReadOnElsewhere(3, worker: 1));
        Assert.Equal([1, 2, 3], rig.Tracker.UnitsOfFile(2));
        Assert.Equal([4], rig.Tracker.UnitsOfFile(4));
    }

    [Fact]
    public void A_split_files_malformed_rows_are_summed_over_its_ranges_in_one_summary()
    {
        var rig = new CoordinationRig();
        var byKind = new MalformedCounts(NoDelimiter: 0, ShortRow: 3, BadQuoting: 0, Binary: 0, TooLong: 0);

        rig.Tracker.Settle(Finished(0, 1) with { ByKind = byKind });
        rig.Tracker.Settle(Finished(1, 2) with { ByKind = byKind });
        rig.Tracker.Settle(Finished(1, 3));

        var summary = byKind.Add(byKind).Summary();
        Assert.NotNull(summary);
        Assert.Equal([$"Warning: big.csv: {summary}"], rig.Log.Lines);
    }
}
