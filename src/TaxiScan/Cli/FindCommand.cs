using System.CommandLine;
using System.CommandLine.Parsing;
using System.Runtime.InteropServices;
using TaxiScan.Matching;
using TaxiScan.Output;

namespace TaxiScan.Cli;

/// <summary>
/// <c>taxiscan find</c>: its options, their validation, and the hand-over of a validated
/// <see cref="ScanOptions"/> to <see cref="ScanCoordinator"/>. Signals are handled here.
/// </summary>
internal sealed class FindCommand : Command
{
    public const string Examples =
        """
        Examples:
          taxiscan find --id 11865 data/                    every row of taxi 11865 under data/
          taxiscan find --id 1 --id 2 --workers 6 tdrive/   two taxis, six worker processes
          taxiscan find --id 1,2,3 -o rows.csv data/        a comma list; output file written atomically
          taxiscan find --id 11865 data/ | sort | uniq -c   rows to a pipe; progress stays on the terminal
          if taxiscan find --id 11865 data/ > rows.csv; then echo found; fi
        """;

    public FindCommand()
        : base("find", "Print every row whose id field (the first field) equals one of the --id values, " +
                       "from every file under the given paths, in file and row order.")
    {
        Options.Add(IdOption);
        Options.Add(WorkersOption);
        Options.Add(OutputOption);
        Options.Add(ProgressOption);
        Options.Add(LogFileOption);
        Options.Add(VerboseOption);
        Arguments.Add(PathsArgument);
        SetAction(RunAsync);
    }

    public Option<string[]> IdOption { get; } = new("--id", "-i")
    {
        Description = "A vehicle id to match; repeat it or give a comma list (--id 1,2,3).",
        Required = true,
        HelpName = "ID",
        Arity = ArgumentArity.OneOrMore,
        Validators = { ValidateIds },
    };

    public Option<int> WorkersOption { get; } = new("--workers", "-w")
    {
        Description = $"Worker processes to start ({ScanOptions.MinWorkers}-{ScanOptions.MaxWorkers}; default: the number of processors).",
        HelpName = "N",
        DefaultValueFactory = _ => Math.Clamp(Environment.ProcessorCount, ScanOptions.MinWorkers, ScanOptions.MaxWorkers),
        Validators = { ValidateWorkers },
    };

    public Option<string?> OutputOption { get; } = new("--output", "-o")
    {
        Description = "Write the rows to FILE instead of stdout; FILE appears only if the run succeeds.",
        HelpName = "FILE",
    };

    public Option<ProgressMode> ProgressOption { get; } = new("--progress")
    {
        Description = "Progress bars: auto (when stderr is a terminal), always, never.",
        HelpName = "auto|always|never",
        CustomParser = ParseProgressMode,
        DefaultValueFactory = _ => ProgressMode.Auto,
    };

    public Option<string?> LogFileOption { get; } = new("--log-file")
    {
        Description = "Also write a structured (compact JSON) log of the coordinator and every worker to FILE.",
        HelpName = "FILE",
    };

    public Option<bool> VerboseOption { get; } = new("--verbose", "-v")
    {
        Description = "Print informational messages (per-file timings) on stderr too.",
    };

    public Argument<string[]> PathsArgument { get; } = new("PATH")
    {
        Description = "Files or directories to scan (directories recursively).",
        Arity = ArgumentArity.OneOrMore,
        Validators = { RejectUnknownOptions },
    };

    public ScanOptions ToScanOptions(ParseResult result) => new()
    {
        Paths = result.GetValue(PathsArgument)!,
        Match = new MatchSpec { Ids = SplitIds(result.GetValue(IdOption)!) },
        Workers = result.GetValue(WorkersOption),
        OutputPath = result.GetValue(OutputOption),
        Progress = result.GetValue(ProgressOption),
        LogFilePath = result.GetValue(LogFileOption),
        Verbose = result.GetValue(VerboseOption),
    };

    private async Task<int> RunAsync(ParseResult result, CancellationToken cancellation)
    {
        var options = ToScanOptions(result);
        var terminal = TerminalLayout.Arrange(options.Progress);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var signalExitCode = 0;

        // Ctrl-C and SIGTERM: cancel the scan (which kills every worker and removes a partial --output),
        // then exit 128+signal. Cancel = true keeps the runtime from terminating us before that cleanup.
        void OnSignal(PosixSignalContext context, int exitCode)
        {
            context.Cancel = true;
            Interlocked.CompareExchange(ref signalExitCode, exitCode, 0);
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => OnSignal(context, ExitCodes.Interrupted));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => OnSignal(context, ExitCodes.Terminated));
        try
        {
            return await new ScanCoordinator(options, terminal).RunAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            var code = signalExitCode == 0 ? ExitCodes.Interrupted : signalExitCode;
            var what = code == ExitCodes.Terminated ? "terminated" : "interrupted";
            var output = options.OutputPath is null ? "" : $", {options.OutputPath} not written";
            await Console.Error.WriteLineAsync($"taxiscan: {what}; every worker stopped{output}");
            return code;
        }
    }

    internal static IReadOnlyList<string> SplitIds(IEnumerable<string> values) =>
        values.SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries))
            .Where(id => id.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    private static ProgressMode ParseProgressMode(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "auto";
        if (Enum.TryParse<ProgressMode>(text, ignoreCase: true, out var mode) && Enum.IsDefined(mode) && !char.IsDigit(text[0]))
        {
            return mode;
        }

        result.AddError($"--progress must be auto, always or never, not '{text}'");
        return ProgressMode.Auto;
    }

    private static void ValidateIds(OptionResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (token.Value.Split(',', StringSplitOptions.TrimEntries).All(id => id.Length == 0))
            {
                result.AddError($"--id '{token.Value}' holds no id");
                return;
            }
        }
    }

    // Next to a variadic PATH argument, System.CommandLine takes a misspelled option (--wokers) for a
    // path. A "path" that starts with '-' and does not exist is reported as the unknown option it is.
    private static void RejectUnknownOptions(ArgumentResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (token.Value.Length > 1 && token.Value.StartsWith('-') && !Path.Exists(token.Value))
            {
                result.AddError($"unknown option '{token.Value}'");
                return;
            }
        }
    }

    private static void ValidateWorkers(OptionResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return;
        }

        var text = result.Tokens[^1].Value;
        if (!int.TryParse(text, out var workers) || workers < ScanOptions.MinWorkers || workers > ScanOptions.MaxWorkers)
        {
            result.AddError($"--workers must be a whole number from {ScanOptions.MinWorkers} to {ScanOptions.MaxWorkers}, not '{text}'");
        }
    }
}
