using TaxiScan.Coordination;
using TaxiScan.Model;
using TaxiScan.Planning;
using TaxiScan.Protocol;
using TaxiScan.Stats;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Unit.Coordination;

/// <summary>
/// The parts of the coordinator's bookkeeping wired as a run wires them, with no process: a ledger, a reporter
/// over a captured log, a tracker and the worker failures acting through a spy. The units are a plain file
/// <c>a.csv</c> (unit 0), then <c>big.csv</c> cut into three ranges of 1000 bytes (units 1-3), then <c>z.csv</c>
/// (unit 4); worker 0 owns units 0-1, worker 1 owns units 2-4.
/// </summary>
internal sealed class CoordinationRig
{
    public static readonly WorkUnit[] Units =
    [
        new(0, "a.csv", "a.csv", 50),
        new(1, "big.csv", "big.csv", 3000, Range: new ByteRange(0, 1000)),
        new(2, "big.csv", "big.csv", 3000, Range: new ByteRange(1000, 2000)),
        new(3, "big.csv", "big.csv", 3000, Range: new ByteRange(2000, 3000)),
        new(4, "z.csv", "z.csv", 70),
    ];

    public CoordinationRig(int retries = 1, Func<string, bool>? quotedFromStart = null, WorkUnit[]? units = null, SplitFileSpan[]? splitFiles = null)
    {
        units ??= Units;
        Statistics.ListFiles(units);
        Actions = new SpyUnitActions(work => Ledger!.AddWorker(work).Index);
        Ledger = new UnitLedger(units, [new Partition(0, 0, 2, 1050), new Partition(1, 2, units.Length - 2, 2070)], retries);
        Reporter = new DiagnosticReporter(Log.Logger, Statistics);
        Tracker = new ReadOnTracker(splitFiles ?? [new SplitFileSpan(1, 3)], Ledger, Reporter, Actions, quotedFromStart ?? (_ => false));
        Failures = new WorkerFailures(Ledger, Tracker, Reporter, Actions, Statistics, retries);
    }

    public CapturedLog Log { get; } = new();

    public RunStatistics Statistics { get; } = new();

    public SpyUnitActions Actions { get; }

    public UnitLedger Ledger { get; }

    public DiagnosticReporter Reporter { get; }

    public ReadOnTracker Tracker { get; }

    public WorkerFailures Failures { get; }

    public static UnitFinishedMessage Finished(int worker, int unit, UnitStatus status = UnitStatus.Complete, long matched = 0, long lines = 0) =>
        new(worker, unit, status, new UnitStats(Bytes: 10, Rows: lines, Matched: matched, Malformed: 0, ElapsedMicroseconds: 1, Lines: lines));

    public static WorkerExitedMessage Died(int worker, int exitCode = 137) => new(worker, 4000 + worker, exitCode, Completed: false, StderrTail: "");
}
