using System.Buffers;
using System.Diagnostics;
using System.Threading.Channels;
using Serilog;
using TaxiScan.Discovery;
using TaxiScan.Logging;
using TaxiScan.Model;
using TaxiScan.Output;
using TaxiScan.Planning;
using TaxiScan.Progress;
using TaxiScan.Protocol;
using TaxiScan.Scanning;
using TaxiScan.Sharding;
using TaxiScan.Stats;
using TaxiScan.Workers;

namespace TaxiScan.Coordination;

/// <summary>
/// The one place that wires the stages together: discovery, partitioning, worker processes, the single
/// writer, progress and the summary. It runs in the coordinating process, which is also the writer.
/// </summary>
internal sealed class ScanCoordinator(ScanOptions options, TerminalLayout terminal, InputDiscovery discovery)
{
    /// <summary>Rows held in memory for units that cannot be written yet; past this they spill to a temporary file.</summary>
    public const long SpoolMemoryBudget = 32L << 20;

    private static readonly Action<byte[]> ReturnToPool = static buffer => ArrayPool<byte>.Shared.Return(buffer);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<int, byte[]> _headers = [];
    private readonly Dictionary<int, SplitFile> _splitFiles = [];
    private IProgressView _view = new NullProgressView();
    private int _errors;
    private int _filesScanned;
    private bool _quietMatch;
    private ShardPlan? _shardPlan;
    private readonly HashSet<int> _readOnUnits = [];
    private UnitStats _totals;

    /// <summary>What <c>--stats</c> reports: fed as units settle and diagnostics and dialects arrive.</summary>
    public RunStatistics Statistics { get; } = new();

    /// <summary>Runs the scan. Throws <see cref="OperationCanceledException"/> when <paramref name="stop"/> fires (a signal).</summary>
    public async Task<int> RunAsync(CancellationToken stop)
    {
        using var log = LogSetup.ForCoordinator(options.LogFilePath, options.Verbose, line => _view.WriteLine(line), Statistics.AddError);
        foreach (var warning in discovery.Warnings)
        {
            log.Warning("{Message:l}", warning);
        }

        foreach (var error in discovery.Errors)
        {
            log.Error("{Message:l}", error);
            _errors++;
        }

        var units = discovery.Units;
        if (options.IdFromPath is { } pattern)
        {
            IReadOnlyList<WorkUnit> kept;
            int unmatched;
            try
            {
                (kept, unmatched) = PathIdSelector.Select(units, pattern, options.Match);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException e)
            {
                log.Error("--id-from-path: the expression took over {Seconds} s on {Path:l}; simplify it", PathIdSelector.MatchTimeout.TotalSeconds, e.Input);
                return ExitCodes.Error;
            }

            log.Information("--id-from-path: {Kept} of {Files} files hold the ids; {Unmatched} paths do not match the expression", kept.Count, units.Count, unmatched);
            units = kept;
        }

        if (options.Shard is { } shard)
        {
            // The whole listing is cut for all shards alike; this run keeps its share, which may be empty
            // (its part and manifest are still written, so that merge sees the shard done).
            _shardPlan = ShardPlan.For(units, shard, cutFiles: !options.Delivery.NeedsWholeFiles);
            units = _shardPlan.Units;
            log.Information("--shard {Shard}: units {First} to {Last} of {Count}", shard.ToString(), _shardPlan.FirstUnit, _shardPlan.FirstUnit + units.Count - 1, _shardPlan.UnitCount);
        }
        else if (units.Count == 0)
        {
            FinishSummary(log);
            return _errors > 0 ? ExitCodes.Error : ExitCodes.NoRowsFound;
        }

        // Cut by bytes, so that one huge file keeps every worker busy; each worker gets a contiguous run of
        // units. Not when a file must be read from its start by one worker (line numbers, --max-count).
        units = options.Delivery.NeedsWholeFiles ? units : RangeCutter.Cut(units, options.Workers);
        var partitions = Partitioner.Split(units, options.Workers);
        FindSplitFiles(units);
        Statistics.ListFiles(units);
        IOutputTarget target;
        try
        {
            target = options.OutputPath is null ? new StdoutTarget(terminal.DataDescriptor) : DeviceFileTarget.OpenOutput(options.OutputPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Error("{Output:l}: cannot create the output file: {Reason:l}", options.OutputPath, e.Message);
            return ExitCodes.Error;
        }

        var totalBytes = units.Sum(u => u.Bytes);
        var splitFiles = _splitFiles.Values.Distinct().ToList();
        log.Information(
            "Scanning {Bytes} bytes with {Workers} workers; {SplitFiles} files cut into {Parts} parts by bytes",
            totalBytes, partitions.Count, splitFiles.Count, splitFiles.Sum(split => split.Count));
        var spillDirectory = options.OutputPath is null ? Path.GetTempPath() : Path.GetDirectoryName(Path.GetFullPath(options.OutputPath))!;
        using var spool = new RowSpool(SpoolMemoryBudget, spillDirectory);
        var summary = options.Mode is OutputMode.CountPerFile or OutputMode.Total or OutputMode.FilesWithMatches
            ? new FileMatchSummary(target.Stream, options.Mode, units, options.MaxCount, options.NullSeparated)
            : null;
        // A shard's part carries no header: which part's rows come first is known only to merge (the manifest keeps it).
        var printHeader = options.PrintHeader && options.Shard is null;
        using var writer = new OrderedRowWriter(target.Stream, spool, units.Count, terminal.DeferRowsUntilBarsAreGone, printHeader, summary);
        _view = terminal.DrawBars ? new ShellProgressView(partitions.Count, totalBytes) : new NullProgressView();
        var committed = false;
        try
        {
            var failedWorkers = await ScanAsync(units, partitions, writer, log, stop);
            CloseView();
            writer.Finish();
            if (failedWorkers == 0)
            {
                target.Commit();
                committed = true;
            }
        }
        catch (IOException e) when (options.OutputPath is null && IsBrokenPipe(e))
        {
            // The reader of stdout went away (`| head -1`): the workers are already killed; stop quietly.
            return _errors > 0 ? ExitCodes.Error : ExitCodes.RowsFound;
        }
        catch (InvalidDataException e)
        {
            log.Error("a worker broke the protocol: {Reason:l}", e.Message);
            _errors++;
        }
        catch (IOException e) when (e is not EndOfStreamException)
        {
            log.Error("{Output:l}: cannot write the output: {Reason:l}", options.OutputPath ?? "stdout", e.Message);
            _errors++;
        }
        finally
        {
            // Every way out takes the bars down (idempotent after the success path closed them first).
            CloseView();
            if (!committed)
            {
                target.Abort();
            }

            target.Dispose();
        }

        WarnAboutDifferentHeaders(log, units);
        if (options.Strict && _totals.Malformed > 0)
        {
            log.Error("{Malformed} malformed rows, and --strict makes them an error", _totals.Malformed);
            _errors++;
        }

        if (committed)
        {
            WriteShardManifest(writer, units);
        }

        FinishSummary(log);
        if (_quietMatch)
        {
            return ExitCodes.RowsFound; // as grep -q: a match is the answer, even if a file failed
        }

        return _errors > 0 ? ExitCodes.Error : _totals.Matched > 0 ? ExitCodes.RowsFound : ExitCodes.NoRowsFound;
    }

    /// <returns>The number of workers that failed.</returns>
    private async Task<int> ScanAsync(
        IReadOnlyList<WorkUnit> units, IReadOnlyList<Partition> partitions, OrderedRowWriter writer, ILogger log, CancellationToken stop)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(stop);
        // Bounded: a Rows message holds up to 256 KiB, so 64 of them cap what waits here at 16 MiB; past
        // that the pumps stop reading, the pipes fill and the workers wait (memory stays bounded).
        var messages = Channel.CreateBounded<WorkerMessage>(new BoundedChannelOptions(64) { SingleReader = true });
        var workers = new List<WorkerProcess>(partitions.Count);
        var pumps = new List<Task>(partitions.Count);
        var owners = partitions.ToList();
        var settled = new bool[units.Count];
        var retried = new int[units.Count];
        var current = units.ToArray(); // each unit as its worker reads it now (a read-on unit reads to the end of its file)
        var failedWorkers = 0;
        var running = 0;

        void Launch(Partition partition, WorkUnit[] work)
        {
            var job = new WorkerJob(partition.Index, options.Match, options.Delivery, work, options.LogFilePath, options.Verbose);
            var worker = WorkerProcess.Start(job);
            workers.Add(worker);
            running++;
            _view.WorkerStarted(partition.Index, worker.Pid, partition.Bytes);
            log.Debug("Worker {Worker} started: pid {WorkerPid}, {Units} units, {Bytes} bytes", partition.Index, worker.Pid, partition.Count, partition.Bytes);
            pumps.Add(PumpAsync(worker, messages.Writer, abort.Token));
        }

        // A worker started during the run for contiguous units that already have a partition: it owns them
        // from now on (their rows are checked against its partition).
        int LaunchExtra(WorkUnit[] work)
        {
            var partition = new Partition(owners.Count, work[0].Index, work.Length, work.Sum(unit => unit.Bytes));
            owners.Add(partition);
            Launch(partition, work);
            return partition.Index;
        }

        // A byte range held a quote: one more worker reads the file on from that range's start, quotes and
        // all. The unit stays in its first worker's partition too, so that worker's failure must not settle it.
        int ReadOn(WorkUnit tail)
        {
            _readOnUnits.Add(tail.Index);
            settled[tail.Index] = false;
            current[tail.Index] = tail;
            log.Information("{File:l}: quotes in the data; reading it on from byte {Start} in one piece", tail.DisplayPath, tail.Range!.Value.Start);
            return LaunchExtra([tail]);
        }

        // A worker died (killed, crashed) before finishing its units: what it sent for them is dropped and a
        // fresh worker scans them again from their start, so their rows are written once and whole.
        bool TryRecover(WorkerExitedMessage exited)
        {
            var unfinished = UnfinishedUnits(exited, owners[exited.Worker], settled);
            if (unfinished.Count == 0)
            {
                // Every unit it had was reported complete (and is written): it died on its way out.
                log.Warning("worker {Worker} (pid {WorkerPid}) failed ({How:l}) after finishing its files; nothing was lost", exited.Worker, exited.Pid, HowItFailed(exited));
                return true;
            }

            if (unfinished.Any(unit => retried[unit] >= options.Retries))
            {
                return false;
            }

            var attempt = unfinished.Max(unit => ++retried[unit]);
            log.Warning(
                "worker {Worker} (pid {WorkerPid}) failed ({How:l}); scanning its {Count} unfinished files again in a new worker (retry {Attempt} of {Retries}): {Files:l}",
                exited.Worker, exited.Pid, HowItFailed(exited), unfinished.Count, attempt, options.Retries, string.Join(", ", unfinished.Select(unit => units[unit].DisplayPath).Distinct()));
            foreach (var run in ContiguousRuns(unfinished))
            {
                foreach (var unit in run)
                {
                    writer.Discard(unit);
                    if (_splitFiles.TryGetValue(unit, out var held))
                    {
                        held.ForgetDiagnostics(unit); // the new worker reports them again
                    }
                }

                var worker = LaunchExtra([.. run.Select(unit => current[unit])]);
                foreach (var unit in run)
                {
                    if (_splitFiles.TryGetValue(unit, out var split) && split.ReadOnFrom == unit)
                    {
                        split.StartReadingOn(unit, worker);
                    }
                }
            }

            Statistics.RecoveredWorkers++;
            return true;
        }

        try
        {
            foreach (var partition in partitions)
            {
                Launch(partition, Slice(units, partition));
            }

            while (running > 0)
            {
                var message = await messages.Reader.ReadAsync(abort.Token);
                switch (message)
                {
                    case RowsMessage rows:
                        EnsureOwned(owners[rows.Worker], rows.Unit);
                        writer.Append(rows.Unit, rows.Buffer, rows.Offset, rows.Count, ReturnToPool);
                        break;
                    case UnitStartedMessage started:
                        EnsureOwned(owners[started.Worker], started.Unit);
                        _view.UnitStarted(started.Worker, units[started.Unit].DisplayPath);
                        break;
                    case ProgressMessage progress:
                        _view.Progress(progress.Worker, progress.Bytes, progress.Rows, progress.Matches);
                        break;
                    case DiagnosticMessage diagnostic:
                        EnsureOwned(owners[diagnostic.Worker], diagnostic.Unit);
                        Diagnose(log, diagnostic, units);
                        break;
                    case DialectMessage dialect:
                        EnsureOwned(owners[dialect.Worker], dialect.Unit);
                        Statistics.Dialect(dialect.Unit, dialect.Dialect);
                        Diagnose(log, dialect.AsNote(), units);
                        break;
                    case UnitFinishedMessage finished:
                        EnsureOwned(owners[finished.Worker], finished.Unit);
                        Settle(finished, settled, units, writer, log, ReadOn);
                        if (options.Mode == OutputMode.Quiet && finished.Status == UnitStatus.Complete && finished.Stats.Matched > 0)
                        {
                            // -q: one match answers the question; the finally below stops every worker.
                            _quietMatch = true;
                            return failedWorkers;
                        }

                        break;
                    case WorkerExitedMessage exited:
                        running--;
                        var succeeded = exited.Completed && exited.ExitCode == 0;
                        _view.WorkerFinished(exited.Worker, succeeded);
                        if (!succeeded && !TryRecover(exited))
                        {
                            failedWorkers++;
                            ReportFailedWorker(log, exited, owners[exited.Worker], units, settled, writer, ReadOn);
                        }

                        break;
                    case PartitionFinishedMessage partitionFinished:
                        _view.Progress(partitionFinished.Worker, partitionFinished.Totals.Bytes, partitionFinished.Totals.Rows, partitionFinished.Totals.Matched);
                        break;
                    case HeaderMessage header:
                        EnsureOwned(owners[header.Worker], header.Unit);
                        _headers[header.Unit] = header.Header;
                        writer.SetHeader(header.Unit, header.Header);
                        if (_splitFiles.TryGetValue(header.Unit, out var headed))
                        {
                            // Only the first range reads the header, but a later one may hold the first matching row.
                            for (var unit = headed.FirstUnit; unit < headed.FirstUnit + headed.Count; unit++)
                            {
                                writer.SetHeader(unit, header.Header);
                            }
                        }

                        break;
                    case HelloMessage:
                        break;
                }
            }

            await Task.WhenAll(pumps);
            return failedWorkers;
        }
        finally
        {
            // On every way out (signal, broken pipe, write error) no worker may outlive us.
            abort.Cancel();
            foreach (var worker in workers)
            {
                worker.Kill();
            }

            foreach (var worker in workers)
            {
                worker.Dispose();
            }

            while (messages.Reader.TryRead(out var left))
            {
                (left as RowsMessage)?.Release();
            }
        }
    }

    // Reads one worker's frames into the shared channel, then adds a note of its exit. The exit code is
    // only awaited after the pipe's EOF, which comes when the worker exits or dies, so this never hangs.
    private static async Task PumpAsync(WorkerProcess worker, ChannelWriter<WorkerMessage> messages, CancellationToken cancellation)
    {
        var completed = false;
        try
        {
            while (await worker.Frames.ReadAsync(cancellation) is { } message)
            {
                completed |= message is PartitionFinishedMessage;
                await messages.WriteAsync(message, cancellation);
            }
        }
        catch (InvalidDataException)
        {
            // A corrupt stream: the worker cannot be trusted with anything more.
            worker.Kill();
            completed = false;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var (exitCode, stderrTail) = await worker.WaitForExitAsync();
        try
        {
            await messages.WriteAsync(new WorkerExitedMessage(worker.Index, worker.Pid, exitCode, completed && !worker.Frames.Truncated, stderrTail), cancellation);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void ReportFailedWorker(
        ILogger log, WorkerExitedMessage exited, Partition partition, IReadOnlyList<WorkUnit> units, bool[] settled, OrderedRowWriter writer, Func<WorkUnit, int> readOn)
    {
        _errors++;
        var unfinished = new List<string>();
        foreach (var unit in UnfinishedUnits(exited, partition, settled))
        {
            unfinished.Add(units[unit].DisplayPath);
            Statistics.FileError(unit, $"not finished: worker {exited.Worker} (pid {exited.Pid}) failed ({HowItFailed(exited)})");
            Settle(new UnitFinishedMessage(exited.Worker, unit, UnitStatus.Failed, default), settled, units, writer, log, readOn);
        }

        log.Error(
            "worker {Worker} (pid {WorkerPid}) failed ({How:l}); {Count} files not finished: {Files:l}{Said:l}",
            exited.Worker, exited.Pid, HowItFailed(exited), unfinished.Count, string.Join(", ", unfinished),
            exited.StderrTail.Length == 0 ? "" : $"; it said: {exited.StderrTail}");
    }

    // The units a dead worker left unsettled, less one being read on by another worker (see SplitFile).
    private List<int> UnfinishedUnits(WorkerExitedMessage exited, Partition partition, bool[] settled)
    {
        var unfinished = new List<int>();
        for (var unit = partition.FirstUnit; unit < partition.FirstUnit + partition.Count; unit++)
        {
            var readOnElsewhere = _splitFiles.TryGetValue(unit, out var split) && split.ReadOnFrom == unit && split.ReadOnWorker != exited.Worker;
            if (!settled[unit] && !readOnElsewhere)
            {
                unfinished.Add(unit);
            }
        }

        return unfinished;
    }

    private static string HowItFailed(WorkerExitedMessage exited) =>
        exited.Completed ? $"exit code {exited.ExitCode}" : $"exit code {exited.ExitCode}, its pipe ended before the partition summary";

    private static IEnumerable<List<int>> ContiguousRuns(List<int> units)
    {
        var run = new List<int>();
        foreach (var unit in units)
        {
            if (run.Count > 0 && unit != run[^1] + 1)
            {
                yield return run;
                run = [];
            }

            run.Add(unit);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    // A unit is done: its rows are committed (written in order) or dropped. A byte range waits for the
    // other ranges of its file (see SplitFile).
    private void Settle(
        UnitFinishedMessage finished, bool[] settled, IReadOnlyList<WorkUnit> units, OrderedRowWriter writer, ILogger log, Func<WorkUnit, int> readOn)
    {
        if (settled[finished.Unit])
        {
            return; // settled once: a failed worker's unit is not settled again by a late report
        }

        settled[finished.Unit] = true;
        if (finished.Status == UnitStatus.QuoteInRange && !_splitFiles.ContainsKey(finished.Unit))
        {
            // A lone range of a file cut between shards met a quote: as one run does, read the file on from the
            // range's start to its end. The ranges after it belong to other shards, which may read them too;
            // merge keeps only the earliest read-on's rows for the rest of the file (see PartManifest).
            writer.Discard(finished.Unit);
            var unit = units[finished.Unit];
            if (unit.Range!.Value.Start > 0 && HasQuoteInFirstBlock(unit.Path))
            {
                // Quoted from its first lines (a quoted header, as Porto's): the shard holding the file's first
                // range reads it on from its start, and merge takes the rest of the file from there. Reading on
                // here too would give merge nothing it keeps.
                log.Information("{File:l}: quoted from its start; the shard with its first range reads it whole", unit.DisplayPath);
                Commit(finished with { Status = UnitStatus.Complete, Stats = default }, writer);
                return;
            }

            readOn(unit with { Range = new ByteRange(unit.Range.Value.Start, long.MaxValue) });
            return;
        }

        if (!_splitFiles.TryGetValue(finished.Unit, out var split))
        {
            Commit(finished, writer);
            ReportMalformed(log, units[finished.Unit], finished.ByKind);
            return;
        }

        if (!split.Record(finished))
        {
            return;
        }

        // All ranges are in. Ranges after one that held a quote were cut blind: their rows are dropped and
        // the file is read on from that range's start; the file is settled when the read-on is done.
        if (split.ReadOnFrom is null && !split.AnyFailedThrough(split.LastUnit) && split.FirstQuotedRange() is { } quoted)
        {
            for (var unit = quoted + 1; unit < split.FirstUnit + split.Count; unit++)
            {
                writer.Drop(unit);
            }

            writer.Discard(quoted);
            var tail = units[quoted] with { Range = new ByteRange(units[quoted].Range!.Value.Start, long.MaxValue) };
            split.StartReadingOn(quoted, readOn(tail));
            return;
        }

        // The file is done: reported as one worker would report it, its rows all written or (if any part
        // failed) none of them.
        var failed = split.AnyIncompleteThrough(split.LastUnit);
        for (var unit = split.FirstUnit; unit <= split.LastUnit; unit++)
        {
            ReportHeld(log, split, unit, units);
            var outcome = split.Finished(unit);
            Commit(failed ? outcome with { Status = UnitStatus.Failed } : outcome, writer, countFile: unit == split.FirstUnit);
        }

        ReportMalformed(log, units[split.FirstUnit], split.MalformedThrough(split.LastUnit));
    }

    private void Commit(UnitFinishedMessage finished, OrderedRowWriter writer, bool countFile = true)
    {
        _totals = _totals.Add(finished.Stats);
        Statistics.UnitSettled(finished);
        if (finished.Status == UnitStatus.Complete)
        {
            _filesScanned += countFile ? 1 : 0;
            writer.Complete(finished.Unit, finished.Stats.Matched);
        }
        else
        {
            writer.Drop(finished.Unit);
        }
    }

    private static void ReportMalformed(ILogger log, WorkUnit unit, MalformedCounts byKind)
    {
        if (byKind.Summary() is { } summary)
        {
            log.Warning("{Where:l}: {Reason:l}", unit.DisplayPath, summary);
        }
    }

    private void Diagnose(ILogger log, DiagnosticMessage diagnostic, IReadOnlyList<WorkUnit> units)
    {
        if (_splitFiles.TryGetValue(diagnostic.Unit, out var split))
        {
            split.Hold(diagnostic); // its line number is known once the ranges before it are done
        }
        else
        {
            Report(log, diagnostic, units[diagnostic.Unit], linesBefore: 0);
        }
    }

    private void ReportHeld(ILogger log, SplitFile split, int unit, IReadOnlyList<WorkUnit> units)
    {
        var linesBefore = split.LinesBefore(unit);
        foreach (var diagnostic in split.Diagnostics(unit).Where(split.Show))
        {
            Report(log, diagnostic, units[unit], linesBefore);
        }
    }

    private void Report(ILogger log, DiagnosticMessage diagnostic, WorkUnit unit, long linesBefore)
    {
        var where = diagnostic.Line > 0 ? $"{unit.DisplayPath}:{diagnostic.Line + linesBefore}" : unit.DisplayPath;
        Statistics.Diagnostic(unit.Index, diagnostic);
        if (diagnostic.Level == DiagnosticLevel.Error)
        {
            _errors++;
            log.Error("{Where:l}: {Reason:l}", where, diagnostic.Text);
        }
        else if (diagnostic.Level == DiagnosticLevel.Info)
        {
            log.Information("{Where:l}: {Reason:l}", where, diagnostic.Text);
        }
        else
        {
            log.Warning("{Where:l}: {Reason:l}", where, diagnostic.Text);
        }
    }

    // Files of one run usually share a header; when they do not, the single header printed describes
    // only some of the rows, which the user should hear about.
    private void WarnAboutDifferentHeaders(ILogger log, IReadOnlyList<WorkUnit> units)
    {
        var ordered = _headers.OrderBy(pair => pair.Key).ToList();
        if (ordered.Count < 2)
        {
            return;
        }

        var first = ordered[0];
        var different = ordered.Where(pair => !Trimmed(pair.Value).SequenceEqual(Trimmed(first.Value))).ToList();
        foreach (var (unit, _) in different.Take(3))
        {
            log.Warning("{File:l}: its header differs from that of {First:l}", units[unit].DisplayPath, units[first.Key].DisplayPath);
        }

        if (different.Count > 3)
        {
            log.Warning("{Count} more files have a header different from that of {First:l}", different.Count - 3, units[first.Key].DisplayPath);
        }

        static ReadOnlySpan<byte> Trimmed(byte[] header) => header.AsSpan().TrimEnd("\r\n"u8);
    }

    // Whether a quote is in the part of the file every range sniffs (DialectSniffer.SampleBytes): then the
    // file's first range, at least a mebibyte long, meets it too.
    private static bool HasQuoteInFirstBlock(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            var start = new byte[DialectSniffer.SampleBytes];
            return start.AsSpan(0, file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false)).Contains((byte)'"');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // then read on here as well: merge still keeps each row once
        }
    }

    // Written once the part is in place: a part with a manifest is finished (see PartManifest).
    private void WriteShardManifest(OrderedRowWriter writer, IReadOnlyList<WorkUnit> units)
    {
        if (_shardPlan is null || options.Shard is not { } shard || options.OutputPath is null)
        {
            return;
        }

        new PartManifest
        {
            Shard = shard.Index,
            Shards = shard.Count,
            ListingHash = _shardPlan.ListingHash,
            OptionsHash = PartManifest.OptionsHashOf(options),
            Rows = _totals.Matched,
            Bytes = writer.BytesWritten,
            Header = options.PrintHeader ? writer.HeaderOfFirstRows : null,
            Errors = _errors,
            CutUnits = [.. units.Where(unit => unit.Range is not null && _shardPlan.FilesCrossingShards.Contains(unit.Path)).Select(CutUnitOf)],
        }.WriteFor(options.OutputPath);

        PartManifest.CutUnit CutUnitOf(WorkUnit unit)
        {
            var (offset, length, rows) = writer.SpanOf(unit.Index);
            return new PartManifest.CutUnit(unit.DisplayPath, unit.Range!.Value.Start, _readOnUnits.Contains(unit.Index), offset, length, rows);
        }
    }

    private void FinishSummary(ILogger log)
    {
        if (Statistics.RecoveredWorkers > 0)
        {
            log.Warning("recovered from {Count} failed workers: their unfinished files were scanned again by new workers", Statistics.RecoveredWorkers);
        }

        var summary = new RunSummary(_filesScanned, _totals, _errors, _clock.Elapsed);
        if (options.Mode != OutputMode.Quiet)
        {
            Console.Error.WriteLine(summary.ToString());
        }

        log.Debug("Run finished: {Files} files, {Bytes} bytes, {Rows} rows, {Matched} matched, {Malformed} malformed, {Errors} errors, {ElapsedMs} ms",
            summary.Files, _totals.Bytes, _totals.Rows, _totals.Matched, _totals.Malformed, _errors, _clock.Elapsed.TotalMilliseconds);
    }

    private void CloseView()
    {
        _view.Dispose();
        _view = new NullProgressView();
    }

    // Consecutive byte ranges of one file are settled together (see SplitFile).
    private void FindSplitFiles(IReadOnlyList<WorkUnit> units)
    {
        for (var first = 0; first < units.Count;)
        {
            var last = first;
            while (units[first].Range is { IsBounded: true } && last + 1 < units.Count
                && units[last + 1].Range is { Start: > 0 } && units[last + 1].Path == units[first].Path)
            {
                last++;
            }

            if (last > first)
            {
                var split = new SplitFile(first, last - first + 1);
                for (var unit = first; unit <= last; unit++)
                {
                    _splitFiles[unit] = split;
                }
            }

            first = last + 1;
        }
    }

    private static void EnsureOwned(Partition partition, int unit)
    {
        if (unit < partition.FirstUnit || unit >= partition.FirstUnit + partition.Count)
        {
            throw new InvalidDataException($"worker {partition.Index} reported unit {unit}, which is not in its partition");
        }
    }

    private static WorkUnit[] Slice(IReadOnlyList<WorkUnit> units, Partition partition) =>
        units.Skip(partition.FirstUnit).Take(partition.Count).ToArray();

    // EPIPE is errno 32 on Linux and macOS; .NET reports the raw errno as the HResult of the IOException.
    private static bool IsBrokenPipe(IOException e) => e.HResult == 32 || e.Message.Contains("Broken pipe", StringComparison.Ordinal);
}
