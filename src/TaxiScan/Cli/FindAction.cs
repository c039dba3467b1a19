using System.CommandLine;
using TaxiScan.Coordination;
using TaxiScan.Discovery;
using TaxiScan.Model;
using TaxiScan.Output;
using TaxiScan.Platform;
using TaxiScan.Sharding;
using TaxiScan.Stats;

namespace TaxiScan.Cli;

/// <summary>
/// Runs one <c>find</c>: builds its <see cref="ScanOptions"/>, then either submits it as a Slurm array job
/// (<c>--slurm</c>) or opens the <c>--stats</c> report and hands the options to <see cref="ScanCoordinator"/>,
/// inside a <see cref="SignalScope"/>. Every failure before the scan is one <c>taxiscan: </c> line, exit 2.
/// </summary>
internal sealed class FindAction(FindCommand find, ParseResult result)
{
    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        ScanOptions options;
        try
        {
            options = new ScanOptionsBuilder(find, CliEnvironment.Current).Build(result);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            var what = e is ArgumentException ? e.Message : $"--ids-file {result.GetValue(find.IdsFileOption)}: {e.Message}";
            await Console.Error.WriteLineAsync(UserMessage.Of(what));
            return ExitCodes.Error;
        }

        // The same-file rule, before the Slurm branch, the --stats report and the log file are opened: an output
        // that names an input (or another output) is refused with nothing submitted, scanned or written. The
        // listing it makes is the run's: the coordinator scans exactly what was checked.
        if (OutputClaims.DiscoverInputs(options, out var refusal) is not { } discovery)
        {
            await Console.Error.WriteLineAsync(UserMessage.Of(refusal!));
            return ExitCodes.Error;
        }

        if (result.GetValue(find.SlurmOption) && options.Shard is null)
        {
            return await RunSlurmAsync(options, cancellation);
        }

        // Opened before anything is scanned: a --stats FILE that cannot be written costs no scan.
        using var stats = StatsReport.Open(options, out var statsError);
        if (statsError is not null)
        {
            await Console.Error.WriteLineAsync(UserMessage.Of(statsError));
            return ExitCodes.Error;
        }

        var terminal = TerminalLayout.Arrange(options.Progress);
        using var signals = new SignalScope(cancellation);
        var coordinator = new ScanCoordinator(options, terminal, discovery);
        int exitCode;
        var interrupted = false;
        try
        {
            exitCode = await coordinator.RunAsync(signals.Token);
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            // The coordinator has killed every worker and removed a partial --output before this is thrown.
            exitCode = signals.ExitCode;
            interrupted = true;
            var output = options.OutputPath is null ? "" : $", {options.OutputPath} not written";
            await Console.Error.WriteLineAsync(UserMessage.Of($"{signals.What}; every worker stopped{output}"));
        }

        // Last, after every worker has stopped: the report holds the exit code, and says when a signal ended the run.
        return stats?.Write(coordinator.Statistics, exitCode, interrupted) ?? exitCode;
    }

    private async Task<int> RunSlurmAsync(ScanOptions options, CancellationToken cancellation)
    {
        var work = SlurmRun.WorkDirectoryFor(options.OutputPath!);
        var request = new SlurmRun.Request(
            options.OutputPath!,
            result.GetValue(find.ShardsOption),
            result.GetValue(find.SbatchArgOption) ?? [],
            result.GetValue(find.ResumeOption),
            SlurmTaskArguments.For(find, result, work));
        using var signals = new SignalScope(cancellation);
        try
        {
            return await new SlurmRun(request, line => Console.Error.WriteLine(UserMessage.Of(line))).RunAsync(signals.Token);
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            // SlurmRun has cancelled the job (scancel) and said so.
            return signals.ExitCode;
        }
    }
}
