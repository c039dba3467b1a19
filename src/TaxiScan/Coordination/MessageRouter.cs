using System.Buffers;
using TaxiScan.IO;
using TaxiScan.Model;
using TaxiScan.Output;
using TaxiScan.Planning;
using TaxiScan.Progress;
using TaxiScan.Protocol;
using TaxiScan.Scanning;
using TaxiScan.Stats;

namespace TaxiScan.Coordination;

/// <summary>
/// Coordination stage: each message of the workers to the part of the run it concerns, once the ledger has
/// checked that the worker owns the unit: rows to the single writer, progress to the bars, diagnostics to the
/// tracker and reporter, a finished unit to the tracker, a dead worker to <see cref="WorkerFailures"/>. It is
/// also the run's <see cref="IUnitActions"/>: settling writes through the writer and starts workers here.
/// </summary>
internal sealed class MessageRouter : IUnitActions
{
    private static readonly Action<byte[]> ReturnToPool = static buffer => ArrayPool<byte>.Shared.Return(buffer);

    private readonly ScanOptions _options;
    private readonly UnitLedger _ledger;
    private readonly WorkerPool _pool;
    private readonly IProgressView _view;
    private readonly OrderedRowWriter _writer;
    private readonly RunStatistics _statistics;
    private readonly DiagnosticReporter _reporter;

    public MessageRouter(ScanOptions options, ScanPlan plan, WorkerPool pool, IProgressView view, OrderedRowWriter writer, RunStatistics statistics, DiagnosticReporter reporter)
    {
        (_options, _pool, _view, _writer, _statistics, _reporter) = (options, pool, view, writer, statistics, reporter);
        _ledger = new UnitLedger(plan.Units, plan.Partitions, options.Retries);
        Tally = new RunTally(writer, statistics);
        Tracker = new ReadOnTracker(plan.SplitFiles, _ledger, reporter, this, path => FileHead.Contains(path, DialectSniffer.SampleBytes, (byte)'"'));
        Failures = new WorkerFailures(_ledger, Tracker, reporter, this, statistics, options.Retries);
    }

    public RunTally Tally { get; }

    public ReadOnTracker Tracker { get; }

    public WorkerFailures Failures { get; }

    /// <summary>Whether <c>-q</c> met its match.</summary>
    public bool QuietMatch { get; private set; }

    /// <returns>False when the run has its answer and stops (<c>-q</c> met a match).</returns>
    public bool Route(WorkerMessage message)
    {
        switch (message)
        {
            case RowsMessage rows:
                _ledger.EnsureOwned(rows.Worker, rows.Unit);
                _writer.Append(rows.Unit, rows.Buffer, rows.Offset, rows.Count, ReturnToPool);
                break;
            case UnitStartedMessage started:
                _ledger.EnsureOwned(started.Worker, started.Unit);
                _view.UnitStarted(started.Worker, _ledger.Units[started.Unit].DisplayPath);
                break;
            case ProgressMessage progress:
                _view.Progress(progress.Worker, progress.Bytes, progress.Rows, progress.Matches);
                break;
            case DiagnosticMessage diagnostic:
                _ledger.EnsureOwned(diagnostic.Worker, diagnostic.Unit);
                Tracker.Diagnose(diagnostic);
                break;
            case DialectMessage dialect:
                _ledger.EnsureOwned(dialect.Worker, dialect.Unit);
                _statistics.Dialect(dialect.Unit, dialect.Dialect);
                Tracker.Diagnose(dialect.AsNote());
                break;
            case UnitFinishedMessage finished:
                _ledger.EnsureOwned(finished.Worker, finished.Unit);
                Tracker.Settle(finished);
                // -q: one match answers the question; disposing the pool stops every worker.
                QuietMatch = _options.Mode == OutputMode.Quiet && finished.Status == UnitStatus.Complete && finished.Stats.Matched > 0;
                return !QuietMatch;
            case WorkerExitedMessage exited:
                var succeeded = exited.Completed && exited.ExitCode == 0;
                _view.WorkerFinished(exited.Worker, succeeded);
                if (!succeeded)
                {
                    Failures.WorkerExited(exited);
                }

                break;
            case PartitionFinishedMessage partition:
                _view.Progress(partition.Worker, partition.Totals.Bytes, partition.Totals.Rows, partition.Totals.Matched);
                break;
            case HeaderMessage header:
                _ledger.EnsureOwned(header.Worker, header.Unit);
                _reporter.Header(header.Unit, header.Header);
                // Only a split file's first range reads the header, but a later one may hold the first matching row.
                foreach (var unit in Tracker.UnitsOfFile(header.Unit))
                {
                    _writer.SetHeader(unit, header.Header);
                }

                break;
        }

        return true;
    }

    /// <summary>Starts the worker of one of the plan's partitions.</summary>
    public void Start(Partition partition, IReadOnlyList<WorkUnit> work)
    {
        var worker = _pool.Start(new WorkerJob(partition.Index, _options.Match, _options.Delivery, [.. work], _options.LogFilePath, _options.Verbose));
        _view.WorkerStarted(partition.Index, worker.Pid, partition.Bytes);
        _reporter.Log.Debug("Worker {Worker} started: pid {WorkerPid}, {Units} units, {Bytes} bytes", partition.Index, worker.Pid, partition.Count, partition.Bytes);
    }

    void IUnitActions.Commit(UnitFinishedMessage finished, bool countFile) => Tally.Commit(finished, countFile);

    void IUnitActions.Drop(int unit) => _writer.Drop(unit);

    void IUnitActions.Discard(int unit) => _writer.Discard(unit);

    int IUnitActions.StartWorker(IReadOnlyList<WorkUnit> work)
    {
        var partition = _ledger.AddWorker(work);
        Start(partition, work);
        return partition.Index;
    }
}
