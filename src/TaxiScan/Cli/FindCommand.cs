using System.CommandLine;
using System.CommandLine.Parsing;
using System.Runtime.InteropServices;
using TaxiScan.Coordination;
using TaxiScan.Discovery;
using TaxiScan.Matching;
using TaxiScan.Model;
using TaxiScan.Output;
using TaxiScan.Platform;
using TaxiScan.Sharding;
using TaxiScan.Stats;

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
          taxiscan find --ids-file fleet.txt --numeric data/    many ids, compared as integers (011865 = 11865)
          taxiscan find --id 20000403 -c TAXI_ID porto/     the id in a named column (quoted CSV, header)
          taxiscan find --id 331 -d ';' rome/               an explicit delimiter (default: detected per file)
          taxiscan find --id 粤B12345 -c 8 --encoding gbk --output-encoding utf-8 data/
          taxiscan find --id abboip --id-from-path 'new_([a-z]+)\.txt$' cabspotting/
          find data/ -name '2015-02-*.csv' -print0 | sort -z | taxiscan find --id 11865 --files-from - --null-data
          zcat day.csv.gz | taxiscan find --id 11865 -      standard input (.gz and .zip files are read directly too)
          taxiscan find --id 11865 data/ | sort | uniq -c   rows to a pipe; progress stays on the terminal
          taxiscan find --count --id 11865 data/            PATH:N per file with matches (--total: one number)
          taxiscan find -l --null --id 11865 data/ | xargs -0 ls -l    files with matches, NUL-separated
          taxiscan find -q --id 11865 data/ && echo found   exit status only; stops at the first match
          taxiscan find -H -n -m 5 --id 11865 data/         path and line fields, the first 5 rows per file
          taxiscan find --id 11865 --stats run.json data/   per file: bytes, rows, matches, errors, dialect (JSON)
        """;

    public FindCommand()
        : base("find", "Print every row whose id field equals one of the ids, from every file under the given " +
                       "paths, in file and row order. Each file's delimiter, quoting and header are detected unless given.")
    {
        Options.Add(IdOption);
        Options.Add(IdsFileOption);
        Options.Add(NumericOption);
        Options.Add(ColumnOption);
        Options.Add(DelimiterOption);
        Options.Add(HeaderOption);
        Options.Add(NoHeaderOption);
        Options.Add(NoHeaderOutputOption);
        Options.Add(EncodingOption);
        Options.Add(OutputEncodingOption);
        Options.Add(GlobOption);
        Options.Add(FilesFromOption);
        Options.Add(NullDataOption);
        Options.Add(IdFromPathOption);
        Options.Add(StrictOption);
        Options.Add(WorkersOption);
        Options.Add(RetriesOption);
        Options.Add(OutputOption);
        Options.Add(CountOption);
        Options.Add(TotalOption);
        Options.Add(FilesWithMatchesOption);
        Options.Add(QuietOption);
        Options.Add(MaxCountOption);
        Options.Add(WithFileNameOption);
        Options.Add(LineNumberOption);
        Options.Add(NullOption);
        Options.Add(ShardOption);
        Options.Add(ShardCountOption);
        Options.Add(SlurmOption);
        Options.Add(ShardsOption);
        Options.Add(SbatchArgOption);
        Options.Add(ResumeOption);
        Options.Add(ProgressOption);
        Options.Add(LogFileOption);
        Options.Add(StatsOption);
        Options.Add(VerboseOption);
        Arguments.Add(PathsArgument);
        Validators.Add(ValidateCommand);

        // Values for shell completion (taxiscan completion), spelled as the docs spell them.
        ProgressOption.CompletionSources.Clear();
        ProgressOption.CompletionSources.Add("auto", "always", "never");
        EncodingOption.CompletionSources.Add("utf-8", "gb2312", "gbk", "gb18030");
        OutputEncodingOption.CompletionSources.Add("utf-8");
        DelimiterOption.CompletionSources.Add("tab", "space", "comma", "semicolon", "pipe");
        SetAction(RunAsync);
    }

    public Option<string[]> IdOption { get; } = new("--id", "-i")
    {
        Description = "A vehicle id to match; repeat it or give a comma list (--id 1,2,3).",
        HelpName = "ID",
        Arity = ArgumentArity.OneOrMore,
        Validators = { ValidateIds },
    };

    public Option<string?> IdsFileOption { get; } = new("--ids-file")
    {
        Description = "Read ids from FILE, one per line ('#' starts a comment line); adds to --id.",
        HelpName = "FILE",
    };

    public Option<bool> NumericOption { get; } = new("--numeric")
    {
        Description = "Compare ids as integers: leading zeros, a '+' and blanks around the field are ignored (011865 = 11865).",
    };

    public Option<ColumnChoice> ColumnOption { get; } = new("--column", "-c")
    {
        Description = "The id column: a 1-based number or a header name (default: 1).",
        HelpName = "N|NAME",
        CustomParser = ParseColumn,
        DefaultValueFactory = _ => ColumnChoice.First,
    };

    public Option<DelimiterChoice> DelimiterOption { get; } = new("--delimiter", "-d")
    {
        Description = "The field separator: one character, 'tab', or 'space' (runs of blanks). Default: detected per file.",
        HelpName = "CHAR",
        CustomParser = ParseDelimiter,
        DefaultValueFactory = _ => DelimiterChoice.Auto,
    };

    public Option<bool> HeaderOption { get; } = new("--header")
    {
        Description = "The first line of every file is a header (default: detected per file).",
    };

    public Option<bool> NoHeaderOption { get; } = new("--no-header")
    {
        Description = "No file has a header line: the first line is data.",
    };

    public Option<bool> NoHeaderOutputOption { get; } = new("--no-header-output")
    {
        Description = "Do not print the inputs' header line before the rows.",
    };

    public Option<string> EncodingOption { get; } = new("--encoding")
    {
        Description = $"The input's text encoding, for non-ASCII ids and column names: {TextEncodings.Supported} (default: utf-8). Rows are printed as they are.",
        HelpName = "NAME",
        DefaultValueFactory = _ => TextEncodings.Utf8Name,
        Validators = { ValidateEncoding },
    };

    public Option<string?> OutputEncodingOption { get; } = new("--output-encoding")
    {
        Description = "Convert the printed rows to this encoding; only utf-8 (default: rows are printed byte for byte).",
        HelpName = "utf-8",
        Validators = { ValidateOutputEncoding },
    };

    public Option<string[]> GlobOption { get; } = new("--glob", "-g")
    {
        Description = "Take the files in directories that match PATTERN ('!PATTERN' excludes); repeatable. Replaces the default extensions.",
        HelpName = "PATTERN",
        Arity = ArgumentArity.OneOrMore,
        Validators = { ValidateGlobs },
    };

    public Option<string?> FilesFromOption { get; } = new("--files-from")
    {
        Description = "Also scan the paths listed in FILE ('-': standard input), one per line, after the PATH arguments; relative to the current directory.",
        HelpName = "FILE",
    };

    public Option<bool> NullDataOption { get; } = new("--null-data")
    {
        Description = "The --files-from list is NUL-separated (find -print0), so names may hold line breaks.",
    };

    public Option<string?> IdFromPathOption { get; } = new("--id-from-path")
    {
        Description = "The id is in the file's path, not in its rows: the first group of REGEX; matching files are printed whole.",
        HelpName = "REGEX",
        Validators = { ValidateIdFromPath },
    };

    public Option<bool> StrictOption { get; } = new("--strict")
    {
        Description = "Malformed rows are an error (exit 2) rather than a warning.",
    };

    public Option<int> WorkersOption { get; } = new("--workers", "-w")
    {
        Description = $"Worker processes to start ({ScanOptions.MinWorkers}-{ScanOptions.MaxWorkers}; default: the number of processors).",
        HelpName = "N",
        DefaultValueFactory = _ => Math.Clamp(Environment.ProcessorCount, ScanOptions.MinWorkers, ScanOptions.MaxWorkers),
        Validators = { ValidateWorkers },
    };

    public Option<int> RetriesOption { get; } = new("--retries")
    {
        Description = $"Scan a dead worker's unfinished files again in a fresh worker, up to N times each (0-{ScanOptions.MaxRetries}; default 1).",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
        Validators = { ValidateRetries },
    };

    public Option<string?> OutputOption { get; } = new("--output", "-o")
    {
        Description = "Write the rows to FILE instead of stdout; FILE appears only if the run succeeds.",
        HelpName = "FILE",
    };

    public Option<bool> CountOption { get; } = new("--count", "-C")
    {
        Description = "Print PATH:N for each file with matching rows instead of the rows (as grep -c; -c is the column).",
    };

    public Option<bool> TotalOption { get; } = new("--total")
    {
        Description = "Print only the number of matching rows in all files.",
    };

    public Option<bool> FilesWithMatchesOption { get; } = new("--files-with-matches", "-l")
    {
        Description = "Print the path of each file with a matching row instead of the rows; each file is read up to its first match.",
    };

    public Option<bool> QuietOption { get; } = new("--quiet", "-q")
    {
        Description = "Print nothing; exit 0 at the first matching row (every worker is stopped), 1 if there is none.",
    };

    public Option<long?> MaxCountOption { get; } = new("--max-count", "-m")
    {
        Description = "Print at most N matching rows of each file (its first N); files are then not cut among workers.",
        HelpName = "N",
        Validators = { ValidateMaxCount },
    };

    public Option<bool> WithFileNameOption { get; } = new("--with-filename", "-H")
    {
        Description = "Put the file's path in front of each row as a CSV field (quoted when needed); a header gets 'file'.",
    };

    public Option<bool> LineNumberOption { get; } = new("--line-number", "-n")
    {
        Description = "Put the row's line number in the file in front of each row as a CSV field; a header gets 'line'.",
    };

    public Option<bool> NullOption { get; } = new("--null", "-0")
    {
        Description = "With -l, end each path with a NUL byte; with --count, put a NUL between path and count (any path is then safe).",
    };

    public Option<string?> ShardOption { get; } = new("--shard")
    {
        Description = "Scan only shard K of N (K from 0) of the input, cut as N workers would cut it; 'auto' takes K and N from a " +
                      "Slurm, Kubernetes or AWS Batch array job. With -o, '{shard}' in FILE becomes K, and FILE.manifest.json is written for 'taxiscan merge'.",
        HelpName = "K/N|auto",
    };

    public Option<int?> ShardCountOption { get; } = new("--shard-count")
    {
        Description = "N for --shard auto where the engine gives only the index (Kubernetes JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX).",
        HelpName = "N",
    };

    public Option<bool> SlurmOption { get; } = new("--slurm")
    {
        Description = "Run the scan as one Slurm array job of --shards tasks (sbatch), wait, and merge the parts into the -o FILE; " +
                      "the parts and logs are kept in FILE.taxiscan-slurm/.",
    };

    public Option<int> ShardsOption { get; } = new("--shards")
    {
        Description = "How many shards (array tasks) --slurm runs (default 8).",
        HelpName = "N",
        DefaultValueFactory = _ => 8,
    };

    public Option<string[]> SbatchArgOption { get; } = new("--sbatch-arg")
    {
        Description = "Pass ARG to sbatch as it is (repeatable), e.g. --sbatch-arg=--partition=long --sbatch-arg=--time=30.",
        HelpName = "ARG",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> ResumeOption { get; } = new("--resume")
    {
        Description = "With --slurm: submit only the shards whose parts are missing or incomplete, then merge.",
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

    public Option<string?> StatsOption { get; } = new("--stats")
    {
        Description = "At the end, write a JSON report to FILE ('-' for stderr): per file bytes, rows, matches, malformed rows, errors, time and dialect; totals.",
        HelpName = "FILE",
    };

    public Option<bool> VerboseOption { get; } = new("--verbose", "-v")
    {
        Description = "Print informational messages (per-file timings) on stderr too.",
    };

    public Argument<string[]> PathsArgument { get; } = new("PATH")
    {
        Description = "Files or directories to scan (directories recursively; .gz and .zip included); '-' is standard input. Optional with --files-from.",
        Arity = ArgumentArity.ZeroOrMore, // PATH or --files-from is required: see ValidateCommand
        Validators = { RejectUnknownOptions },
    };

    /// <exception cref="IOException">The --ids-file cannot be read.</exception>
    /// <exception cref="ArgumentException">An id is not valid with these options (e.g. not an integer with --numeric),
    /// or the --files-from list cannot be read or lists no path while no PATH is given.</exception>
    public ScanOptions ToScanOptions(ParseResult result)
    {
        var encoding = TextEncodings.TryCanonicalName(result.GetValue(EncodingOption)!, out var canonical) ? canonical : TextEncodings.Utf8Name;
        var ids = IdList.Split(result.GetValue(IdOption) ?? []);
        if (result.GetValue(IdsFileOption) is { } idsFile)
        {
            ids = [.. ids.Concat(IdList.ReadFile(idsFile, encoding)).Distinct(StringComparer.Ordinal)];
        }

        if (ids.Count == 0)
        {
            throw new ArgumentException("no ids to look for (--id or --ids-file)");
        }

        var match = new MatchSpec
        {
            Ids = ids,
            Numeric = result.GetValue(NumericOption),
            Column = result.GetValue(ColumnOption),
            Delimiter = result.GetValue(DelimiterOption),
            Header = result.GetValue(HeaderOption) ? HeaderChoice.Present : result.GetValue(NoHeaderOption) ? HeaderChoice.Absent : HeaderChoice.Auto,
            InputEncoding = encoding,
            OutputUtf8 = result.GetValue(OutputEncodingOption) is not null,
            ExamineEveryRow = result.GetValue(StrictOption),
        };
        _ = IdTest.Create(match.Ids, match.Numeric, TextEncodings.Get(encoding)); // rejects a non-integer id under --numeric
        var shard = result.GetValue(ShardOption) is { } shardText
            ? ShardSpec.Parse(shardText, result.GetValue(ShardCountOption), Environment.GetEnvironmentVariable)
            : (ShardSpec?)null;
        var outputPath = result.GetValue(OutputOption);
        var progress = result.GetValue(ProgressOption);
        if (result.GetValue(SlurmOption) && Environment.GetEnvironmentVariable(SlurmRun.WorkVariable) is { } work)
        {
            // A task of the array job (see SlurmTaskCommand): its shard, into the work directory.
            var task = ShardSpec.Parse("auto", result.GetValue(ShardsOption), Environment.GetEnvironmentVariable);
            (shard, outputPath, progress) = (task, SlurmRun.PartPattern(work), ProgressMode.Never);
        }

        if (shard is { } part && outputPath is not null)
        {
            // One command line for every task of an array job: -o 'parts/part-{shard}.csv'.
            outputPath = part.Expand(outputPath);
        }

        return new ScanOptions
        {
            Shard = shard,
            Paths = InputPaths(result),
            Match = match,
            Workers = result.GetValue(WorkersOption),
            Retries = result.GetValue(RetriesOption),
            OutputPath = outputPath,
            PrintHeader = !result.GetValue(NoHeaderOutputOption),
            Mode = ModeOf(result),
            MaxCount = result.GetValue(MaxCountOption),
            WithFileName = result.GetValue(WithFileNameOption),
            LineNumber = result.GetValue(LineNumberOption),
            NullSeparated = result.GetValue(NullOption),
            Strict = result.GetValue(StrictOption),
            Globs = result.GetValue(GlobOption) ?? [],
            IdFromPath = result.GetValue(IdFromPathOption),
            // -q means silence: no bars either, unless asked for with --progress always.
            Progress = ModeOf(result) == OutputMode.Quiet && progress == ProgressMode.Auto ? ProgressMode.Never : progress,
            LogFilePath = result.GetValue(LogFileOption),
            StatsPath = result.GetValue(StatsOption),
            Verbose = result.GetValue(VerboseOption),
        };
    }

    // The PATH arguments, then the --files-from list in its order: the list order is the output order, as
    // the command-line order is. Listed paths are taken exactly as PATH arguments (a relative one against
    // the current directory, not the list's: what `find ... | taxiscan find --files-from -` expects).
    private string[] InputPaths(ParseResult result)
    {
        var paths = result.GetValue(PathsArgument) ?? [];
        if (result.GetValue(FilesFromOption) is not { } list)
        {
            return paths;
        }

        IReadOnlyList<string> listed;
        try
        {
            listed = PathListReader.ReadFile(list, result.GetValue(NullDataOption));
        }
        catch (IOException e)
        {
            throw new ArgumentException($"--files-from {list}: {e.Message}", e);
        }

        // Standard input has been read to its end for the list: a listed '-' would be silently empty.
        if (InputDiscovery.IsStdin(list) && listed.FirstOrDefault(InputDiscovery.IsStdin) is { } stdinPath)
        {
            throw new ArgumentException($"--files-from {list} reads the list from standard input, so the listed '{stdinPath}' cannot also be an input");
        }

        // An empty list mostly means the command that made it found nothing (a typo in its pattern):
        // "no rows" (exit 1) would tell a script that the ids are absent from data that was never read.
        if (paths.Length == 0 && listed.Count == 0)
        {
            throw new ArgumentException($"no inputs: --files-from {list} listed none");
        }

        return [.. paths, .. listed];
    }

    private async Task<int> RunAsync(ParseResult result, CancellationToken cancellation)
    {
        ScanOptions options;
        try
        {
            options = ToScanOptions(result);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            var what = e is ArgumentException ? e.Message : $"--ids-file {result.GetValue(IdsFileOption)}: {e.Message}";
            await Console.Error.WriteLineAsync($"taxiscan: {what}");
            return ExitCodes.Error;
        }

        // Before the Slurm branch, the --stats report and the log file: an output that names an input is refused unwritten.
        if (OutputClaims.DiscoverInputs(options, out var refusal) is not { } discovery)
        {
            await Console.Error.WriteLineAsync(UserMessage.Of(refusal!));
            return ExitCodes.Error;
        }

        if (result.GetValue(SlurmOption) && options.Shard is null)
        {
            var request = new SlurmRun.Request(options.OutputPath!, result.GetValue(ShardsOption), result.GetValue(SbatchArgOption) ?? [], result.GetValue(ResumeOption), Program.CommandLine);
            return await new SlurmRun(request, line => Console.Error.WriteLine($"taxiscan: {line}")).RunAsync(cancellation);
        }

        // Opened before anything is scanned: a --stats FILE that cannot be written costs no scan.
        using var stats = StatsReport.Open(options, out var statsError);
        if (statsError is not null)
        {
            await Console.Error.WriteLineAsync($"taxiscan: {statsError}");
            return ExitCodes.Error;
        }

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
        var coordinator = new ScanCoordinator(options, terminal, discovery);
        int exitCode;
        var interrupted = false;
        try
        {
            exitCode = await coordinator.RunAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            exitCode = signalExitCode == 0 ? ExitCodes.Interrupted : signalExitCode;
            interrupted = true;
            var what = exitCode == ExitCodes.Terminated ? "terminated" : "interrupted";
            var output = options.OutputPath is null ? "" : $", {options.OutputPath} not written";
            await Console.Error.WriteLineAsync($"taxiscan: {what}; every worker stopped{output}");
        }

        // Last, after every worker has stopped: the report holds the exit code, and says when a signal ended the run.
        return stats?.Write(coordinator.Statistics, exitCode, interrupted) ?? exitCode;
    }

    private void ValidateCommand(CommandResult result)
    {
        if (result.GetResult(IdOption) is null && result.GetResult(IdsFileOption) is null)
        {
            result.AddError("--id or --ids-file is required");
        }

        if (result.GetValue(HeaderOption) && result.GetValue(NoHeaderOption))
        {
            result.AddError("--header and --no-header contradict each other");
        }

        var modes = new Option[] { CountOption, TotalOption, FilesWithMatchesOption, QuietOption }.Where(option => result.GetValue((Option<bool>)option)).ToList();
        if (modes.Count > 1)
        {
            result.AddError($"{modes[0].Name} and {modes[1].Name} are different outputs; choose one");
        }
        else if (modes.Count == 1 && (result.GetValue(WithFileNameOption) || result.GetValue(LineNumberOption)))
        {
            result.AddError($"{(result.GetValue(WithFileNameOption) ? "--with-filename" : "--line-number")} adds fields to rows, and {modes[0].Name} prints no rows");
        }

        if (result.GetValue(NullOption) && !(result.GetValue(CountOption) || result.GetValue(FilesWithMatchesOption)))
        {
            result.AddError("--null separates the paths of --files-with-matches or --count; use it with one of them");
        }

        if (result.GetValue(QuietOption) && result.GetResult(OutputOption) is not null)
        {
            result.AddError("--quiet prints nothing, so --output would stay empty; drop one of them");
        }

        if (result.GetResult(ShardOption) is not null && modes.Count > 0)
        {
            result.AddError($"--shard writes rows for 'taxiscan merge' to join; {modes[0].Name} cannot be joined that way");
        }

        if (result.GetValue(SlurmOption))
        {
            if (result.GetResult(OutputOption) is null)
            {
                result.AddError("--slurm merges the shards into a file: give it with -o FILE");
            }

            if (result.GetResult(ShardOption) is not null)
            {
                result.AddError("--slurm chooses the shards itself; drop --shard");
            }

            if (modes.Count > 0)
            {
                result.AddError($"--slurm writes rows to merge; {modes[0].Name} cannot be merged that way");
            }

            if (result.GetResult(ShardsOption) is not null && result.GetValue(ShardsOption) is < 1 or > ShardSpec.MaxCount)
            {
                result.AddError($"--shards must be 1 to {ShardSpec.MaxCount}");
            }
        }
        else if (result.GetResult(ShardsOption) is not null || result.GetResult(SbatchArgOption) is not null || result.GetResult(ResumeOption) is not null)
        {
            result.AddError("--shards, --sbatch-arg and --resume go with --slurm");
        }

        if (result.GetResult(ShardCountOption) is not null && result.GetValue(ShardOption) != "auto")
        {
            result.AddError("--shard-count is for --shard auto; with --shard K/N the N is given");
        }

        ValidateInputs(result);
    }

    private OutputMode ModeOf(ParseResult result) =>
        result.GetValue(CountOption) ? OutputMode.CountPerFile
        : result.GetValue(TotalOption) ? OutputMode.Total
        : result.GetValue(FilesWithMatchesOption) ? OutputMode.FilesWithMatches
        : result.GetValue(QuietOption) ? OutputMode.Quiet
        : OutputMode.Rows;

    private static void ValidateMaxCount(OptionResult result)
    {
        if (result.GetValueOrDefault<long?>() is < 1)
        {
            result.AddError("--max-count must be at least 1");
        }
    }

    private void ValidateInputs(CommandResult result)
    {
        // Tokens, not GetValue: GetValue throws when that symbol has a parse error of its own (a repeated
        // --files-from, a misspelled option taken for a PATH), and that error is what must be reported.
        var paths = result.GetResult(PathsArgument)?.Tokens.Select(token => token.Value).ToArray() ?? [];
        var listOption = result.GetResult(FilesFromOption);
        var list = listOption is { Tokens: [.., var last] } ? last.Value : null;
        if (paths.Length == 0 && listOption is null)
        {
            result.AddError("no inputs: give PATH arguments or --files-from FILE");
        }

        if (result.GetValue(NullDataOption) && listOption is null)
        {
            result.AddError("--null-data needs --files-from: it says how that list is separated");
        }

        if (list is not null && InputDiscovery.IsStdin(list) && paths.FirstOrDefault(InputDiscovery.IsStdin) is { } stdinPath)
        {
            result.AddError($"--files-from {list} reads the list from standard input, so '{stdinPath}' cannot also be an input");
        }
    }

    private static ColumnChoice ParseColumn(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "1";
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            if (int.TryParse(text, out var index) && index >= 1)
            {
                return new ColumnChoice(index, null);
            }

            result.AddError($"--column numbers start at 1, not '{text}'");
            return ColumnChoice.First;
        }

        if (text.Trim().Length == 0)
        {
            result.AddError("--column needs a number or a header name");
            return ColumnChoice.First;
        }

        return new ColumnChoice(0, text);
    }

    private static DelimiterChoice ParseDelimiter(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        switch (text.ToLowerInvariant())
        {
            case "tab" or "\\t" or "\t":
                return DelimiterChoice.Of((byte)'\t');
            case "space" or " ":
                // One space and "space" mean the same: fields separated by runs of blanks, as space-aligned
                // files (cabspotting) are written. An empty field cannot be expressed that way, and is not needed.
                return DelimiterChoice.SpaceRuns;
            case "comma":
                return DelimiterChoice.Of((byte)',');
            case "semicolon":
                return DelimiterChoice.Of((byte)';');
            case "pipe":
                return DelimiterChoice.Of((byte)'|');
        }

        if (text.Length == 1 && text[0] < 128 && text[0] is not ('"' or '\n' or '\r'))
        {
            return DelimiterChoice.Of((byte)text[0]);
        }

        result.AddError($"--delimiter must be one ASCII character (not a quote or a line break), 'tab' or 'space', not '{text}'");
        return DelimiterChoice.Auto;
    }

    private static void ValidateEncoding(OptionResult result)
    {
        if (result.Tokens.Count > 0 && !TextEncodings.TryCanonicalName(result.Tokens[^1].Value, out _))
        {
            result.AddError($"--encoding '{result.Tokens[^1].Value}' is not supported; use one of {TextEncodings.Supported}");
        }
    }

    private static void ValidateOutputEncoding(OptionResult result)
    {
        if (result.Tokens.Count > 0 && !(TextEncodings.TryCanonicalName(result.Tokens[^1].Value, out var name) && TextEncodings.IsUtf8(name)))
        {
            result.AddError($"--output-encoding supports only utf-8, not '{result.Tokens[^1].Value}'");
        }
    }

    private static void ValidateGlobs(OptionResult result)
    {
        try
        {
            _ = GlobFilter.Create(result.Tokens.Select(token => token.Value));
        }
        catch (ArgumentException e)
        {
            result.AddError($"--glob: {e.Message}");
        }
    }

    private static void ValidateIdFromPath(OptionResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return;
        }

        var pattern = result.Tokens[^1].Value;
        try
        {
            if (new System.Text.RegularExpressions.Regex(pattern).GetGroupNumbers().Length < 2)
            {
                result.AddError($"--id-from-path '{pattern}' needs a capture group: the id is what its first group matches");
            }
        }
        catch (ArgumentException e)
        {
            result.AddError($"--id-from-path '{pattern}' is not a valid regular expression: {e.Message}");
        }
    }

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

    private static void ValidateRetries(OptionResult result)
    {
        var text = result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
        if (text is not null && (!int.TryParse(text, out var retries) || retries < 0 || retries > ScanOptions.MaxRetries))
        {
            result.AddError($"--retries must be a whole number from 0 to {ScanOptions.MaxRetries}, not '{text}'");
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
