using TaxiScan.Coordination;
using TaxiScan.Model;

namespace TaxiScan.Tests.Unit.Coordination;

public class UnitLedgerTests
{
    private static readonly WorkUnit[] Units = [.. Enumerable.Range(0, 6).Select(i => new WorkUnit(i, $"d/{i}.csv", $"d/{i}.csv", 100))];

    // Worker 0 owns units 0-3, worker 1 units 4-5.
    private static UnitLedger Ledger(int retries = 1) => new(Units, [new Partition(0, 0, 4, 400), new Partition(1, 4, 2, 200)], retries);

    [Fact]
    public void A_worker_may_report_only_the_units_of_its_partition()
    {
        var ledger = Ledger();

        ledger.EnsureOwned(0, 3);
        ledger.EnsureOwned(1, 4);
        var error = Assert.Throws<InvalidDataException>(() => ledger.EnsureOwned(0, 4));
        Assert.Equal("worker 0 reported unit 4, which is not in its partition", error.Message);
    }

    [Fact]
    public void A_unit_is_settled_once_and_a_late_report_does_not_settle_it_again()
    {
        var ledger = Ledger();

        Assert.True(ledger.TrySettle(2));
        Assert.False(ledger.TrySettle(2));
        Assert.True(ledger.IsSettled(2));
        Assert.False(ledger.IsSettled(1));
    }

    [Fact]
    public void A_dead_worker_leaves_its_unsettled_units_in_contiguous_runs_for_the_first_retry()
    {
        var ledger = Ledger();
        ledger.TrySettle(1);

        var loss = ledger.Lose(0, _ => false);

        Assert.Equal([0, 2, 3], loss.Unfinished);
        Assert.Equal(1, loss.Attempt);
        Assert.Equal([[0], [2, 3]], loss.Runs.Select(run => run.ToArray()).ToArray());
        Assert.False(loss.NothingLost);
        Assert.False(loss.RetriesExhausted);
    }

    [Fact]
    public void A_worker_that_dies_after_settling_everything_lost_nothing()
    {
        var ledger = Ledger();
        ledger.TrySettle(4);
        ledger.TrySettle(5);

        var loss = ledger.Lose(1, _ => false);

        Assert.True(loss.NothingLost);
        Assert.Empty(loss.Runs);
    }

    [Fact]
    public void A_unit_read_on_by_another_worker_is_not_among_the_dead_workers_losses()
    {
        var ledger = Ledger();

        var loss = ledger.Lose(1, unit => unit == 5);

        Assert.Equal([4], loss.Unfinished);
    }

    [Fact]
    public void The_retry_worker_owns_the_run_it_was_given_and_past_the_retries_its_units_are_given_up()
    {
        var ledger = Ledger(retries: 1);
        var first = ledger.Lose(1, _ => false);
        var retry = ledger.AddWorker([.. first.Runs[0].Select(ledger.Current)]);

        Assert.Equal(new Partition(2, 4, 2, 200), retry);
        ledger.EnsureOwned(2, 5);
        var second = ledger.Lose(2, _ => false);

        Assert.True(second.RetriesExhausted);
        Assert.Equal([4, 5], second.Unfinished);
        Assert.Empty(second.Runs);
    }

    [Fact]
    public void With_two_retries_the_second_death_is_retry_two()
    {
        var ledger = Ledger(retries: 2);
        var first = ledger.Lose(0, _ => false);
        ledger.AddWorker([.. first.Runs[0].Select(ledger.Current)]);

        var second = ledger.Lose(2, _ => false);

        Assert.Equal(2, second.Attempt);
        Assert.Equal([0, 1, 2, 3], second.Unfinished);
    }

    [Fact]
    public void A_read_on_unsettles_the_unit_and_it_is_read_to_the_end_of_its_file_from_then_on()
    {
        var ledger = Ledger();
        ledger.TrySettle(3);
        var tail = Units[3] with { Range = new ByteRange(40, long.MaxValue) };

        ledger.ReadOn(tail);

        Assert.False(ledger.IsSettled(3));
        Assert.Equal(tail, ledger.Current(3));
        Assert.Equal(Units[2], ledger.Current(2));
    }
}
