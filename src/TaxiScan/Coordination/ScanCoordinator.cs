using System.Diagnostics;
using TaxiScan.Discovery;
using TaxiScan.Logging;
using TaxiScan.Model;
using TaxiScan.Output;
using TaxiScan.Planning;
using TaxiScan.Platform;
using TaxiScan.Progress;
using TaxiScan.Protocol;
using TaxiScan.Stats;

namespace TaxiScan.Coordination;

/// <summary>
/// Coordination stage: the glue of one run, in the coordinating process (which is also the single writer).
/// It builds the parts (the inputs, the plan, the output, the workers and the router over the ledger, the
/// read-on tracker and the reporter), runs one loop over the workers' messages, and ends with the summary
/// and the exit code. The rules live in the parts; see docs/architecture.md, "The coordinator".
/// </summary>
internal sealed class ScanCoordinator(ScanOptions options, TerminalLayout terminal, InputDiscovery discovery)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private IProgressView _view = new NullProgressView();

    /// <summary>What <c>--stats</c> reports: fed as units settle and diagnostics and dialects arrive.</summary>
    public RunStatistics Statistics { get; } = new();

    /// <summary>Runs the scan. Throws <see cref="OperationCanceledException"/> when <paramref name="stop"/> fires (a signal).</summary>
    public async Task<int> RunAsync(CancellationToken stop)
    {
        using var log = LogSetup.ForCoordinator(options.LogFilePath, options.Verbose, line => _view.WriteLine(line), Statistics.AddError);
        var reporter = new DiagnosticReporter(log, Statistics);
        if (InputSelection.Select(discovery, options, reporter) is not { } selected)
        {
            return ExitCodes.Error;
        }

        var plan = ScanPlan.For(selected, options.Shard, options.Workers, options.Delivery.NeedsWholeFiles);
        if (plan.Shard is { } shard)
        {
            log.Information("--shard {Shard}: units {First} to {Last} of {Count}", options.Shard!.Value.ToString(), shard.FirstUnit, shard.FirstUnit + shard.Units.Count - 1, shard.UnitCount);
        }
        else if (selected.Count == 0)
        {
            new RunSummary(0, default, reporter.Errors, _clock.Elapsed).Print(log, quiet: options.Mode == OutputMode.Quiet);
            return RunOutcome.ExitCodeOf(new RunFacts(reporter.Errors, Matched: 0));
        }

        Statistics.ListFiles(plan.Units);
        using var output = RunOutput.Open(options, terminal, plan.Units, reporter);
        if (output is null)
        {
            return ExitCodes.Error;
        }

        var totalBytes = plan.Units.Sum(unit => unit.Bytes);
        log.Information("Scanning {Bytes} bytes with {Workers} workers; {SplitFiles} files cut into {Parts} parts by bytes",
            totalBytes, plan.Partitions.Count, plan.SplitFiles.Count, plan.SplitFiles.Sum(split => split.Count));
        _view = terminal.DrawBars ? new ShellProgressView(plan.Partitions.Count, totalBytes) : new NullProgressView();
        MessageRouter? router = null;
        var committed = false;
        try
        {
            router = await ScanAsync(plan, output.Writer, reporter, stop);
            CloseView();
            output.Writer.Finish();
            if (router.Failures.Failed == 0)
            {
                output.Commit();
                committed = true;
            }
        }
        catch (IOException e) when (options.OutputPath is null && IsBrokenPipe(e))
        {
            // The reader of stdout went away (`| head -1`): the workers are already killed; stop quietly.
            return RunOutcome.ExitCodeOf(new RunFacts(reporter.Errors, Matched: 0, StdoutClosed: true));
        }
        catch (InvalidDataException e)
        {
            reporter.Error("a worker broke the protocol: {Reason:l}", e.Message);
        }
        catch (IOException e) when (e is not EndOfStreamException)
        {
            reporter.Error("{Output:l}: cannot write the output: {Reason:l}", options.OutputPath ?? "stdout", e.Message);
        }
        finally
        {
            CloseView(); // every way out takes the bars down (idempotent after the success path closed them first)
        }

        var totals = router?.Tally.Totals ?? default;
        var facts = new RunFacts(reporter.Errors, totals.Matched, totals.Malformed, options.Strict, router?.QuietMatch ?? false);
        reporter.WarnAboutDifferentHeaders(plan.Units);
        if (facts.MalformedIsAnError)
        {
            reporter.Error("{Malformed} malformed rows, and --strict makes them an error", totals.Malformed);
        }

        if (committed && plan.Shard is { } shardPlan)
        {
            ShardManifest.Write(options, shardPlan, plan.Units, output.Writer, router!.Tracker.ReadOnUnits, totals.Matched, reporter.Errors);
        }

        router?.Failures.WarnIfRecovered();
        new RunSummary(router?.Tally.FilesScanned ?? 0, totals, reporter.Errors, _clock.Elapsed).Print(log, quiet: options.Mode == OutputMode.Quiet);
        return RunOutcome.ExitCodeOf(facts with { Errors = reporter.Errors });
    }

    // Starts a worker per partition and routes their messages until the last has exited (or -q has its
    // answer); the pool's dispose kills and reaps every worker on every way out.
    private async Task<MessageRouter> ScanAsync(ScanPlan plan, OrderedRowWriter writer, DiagnosticReporter reporter, CancellationToken stop)
    {
        using var pool = new WorkerPool(ProcessWorker.Start, ProtocolLimits.Version);
        var router = new MessageRouter(options, plan, pool, _view, writer, Statistics, reporter);
        foreach (var partition in plan.Partitions)
        {
            router.Start(partition, plan.UnitsOf(partition));
        }

        while (pool.Running > 0)
        {
            if (!router.Route(await pool.ReadAsync(stop)))
            {
                return router;
            }
        }

        await pool.DrainAsync();
        return router;
    }

    private void CloseView()
    {
        _view.Dispose();
        _view = new NullProgressView();
    }

    // .NET reports the raw errno as the HResult of the IOException.
    private static bool IsBrokenPipe(IOException e) => e.HResult == Errno.BrokenPipe || e.Message.Contains("Broken pipe", StringComparison.Ordinal);
}
