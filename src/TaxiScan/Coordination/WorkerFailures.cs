using TaxiScan.Model;
using TaxiScan.Protocol;
using TaxiScan.Stats;

namespace TaxiScan.Coordination;

/// <summary>
/// Coordination stage: what the run does when a worker exits without finishing (killed, crashed, a bad exit
/// code). What it sent for its unfinished units is dropped and a fresh worker scans them again from their
/// start, so their rows are written once and whole; past <c>--retries</c> the units fail, named, and the run
/// goes on with the rest.
/// </summary>
internal sealed class WorkerFailures(UnitLedger ledger, ReadOnTracker tracker, DiagnosticReporter reporter, IUnitActions actions, RunStatistics statistics, int retries)
{
    /// <summary>Workers whose units could not be recovered.</summary>
    public int Failed { get; private set; }

    /// <summary>At the end of the run: says how often the run recovered, if it had to.</summary>
    public void WarnIfRecovered()
    {
        if (statistics.RecoveredWorkers > 0)
        {
            reporter.Log.Warning("recovered from {Count} failed workers: their unfinished files were scanned again by new workers", statistics.RecoveredWorkers);
        }
    }

    public void WorkerExited(WorkerExitedMessage exited)
    {
        var loss = ledger.Lose(exited.Worker, unit => tracker.IsReadOnElsewhere(unit, exited.Worker));
        if (loss.NothingLost)
        {
            // Every unit it had was reported complete (and is written): it died on its way out.
            reporter.Log.Warning("worker {Worker} (pid {WorkerPid}) failed ({How:l}) after finishing its files; nothing was lost", exited.Worker, exited.Pid, HowItFailed(exited));
            return;
        }

        if (loss.RetriesExhausted)
        {
            GiveUp(exited, loss.Unfinished);
            return;
        }

        reporter.Log.Warning(
            "worker {Worker} (pid {WorkerPid}) failed ({How:l}); scanning its {Count} unfinished files again in a new worker (retry {Attempt} of {Retries}): {Files:l}",
            exited.Worker, exited.Pid, HowItFailed(exited), loss.Unfinished.Count, loss.Attempt, retries,
            string.Join(", ", loss.Unfinished.Select(unit => ledger.Units[unit].DisplayPath).Distinct()));
        foreach (var run in loss.Runs)
        {
            foreach (var unit in run)
            {
                actions.Discard(unit);
                tracker.Forget(unit);
            }

            var worker = actions.StartWorker([.. run.Select(ledger.Current)]);
            foreach (var unit in run)
            {
                tracker.Rescanned(unit, worker);
            }
        }

        statistics.RecoveredWorkers++;
    }

    // The retries are used up: the unfinished units fail, their rows dropped whole, and the run says which files.
    private void GiveUp(WorkerExitedMessage exited, IReadOnlyList<int> unfinished)
    {
        Failed++;
        foreach (var unit in unfinished)
        {
            statistics.FileError(unit, $"not finished: worker {exited.Worker} (pid {exited.Pid}) failed ({HowItFailed(exited)})");
            tracker.Settle(new UnitFinishedMessage(exited.Worker, unit, UnitStatus.Failed, default));
        }

        reporter.Error(
            "worker {Worker} (pid {WorkerPid}) failed ({How:l}); {Count} files not finished: {Files:l}{Said:l}",
            exited.Worker, exited.Pid, HowItFailed(exited), unfinished.Count, string.Join(", ", unfinished.Select(unit => ledger.Units[unit].DisplayPath)),
            exited.StderrTail.Length == 0 ? "" : $"; it said: {exited.StderrTail}");
    }

    private static string HowItFailed(WorkerExitedMessage exited) =>
        exited.Completed ? $"exit code {exited.ExitCode}" : $"exit code {exited.ExitCode}, its pipe ended before the partition summary";
}
