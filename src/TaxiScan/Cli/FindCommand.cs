using System.CommandLine;
using TaxiScan.Cli.Options;
using TaxiScan.Model;

namespace TaxiScan.Cli;

/// <summary>
/// <c>taxiscan find</c> as declarations: its options, grouped as <c>--help</c> reads them. What a value
/// means is each option type's business (<c>Cli/Options/</c>), the rules between options are
/// <see cref="FindValidation"/>'s, the translation to <see cref="ScanOptions"/> is
/// <see cref="ScanOptionsBuilder"/>'s, and running it is <see cref="FindAction"/>'s.
/// </summary>
internal sealed class FindCommand : Command, ICommandWithExamples
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
        Option[] ids = [IdOption, IdsFileOption, NumericOption];
        Option[] dialect = [ColumnOption, DelimiterOption, HeaderOption, NoHeaderOption, NoHeaderOutputOption, EncodingOption, OutputEncodingOption];
        Option[] inputs = [GlobOption, FilesFromOption, NullDataOption, IdFromPathOption, StrictOption];
        Option[] run = [WorkersOption, RetriesOption, OutputOption];
        Option[] modes = [CountOption, TotalOption, FilesWithMatchesOption, QuietOption, MaxCountOption, WithFileNameOption, LineNumberOption, NullOption];
        Option[] shards = [ShardOption, ShardCountOption, SlurmOption, ShardsOption, SbatchArgOption, ResumeOption];
        Option[] reporting = [ProgressOption, LogFileOption, StatsOption, VerboseOption];
        foreach (var option in (Option[])[.. ids, .. dialect, .. inputs, .. run, .. modes, .. shards, .. reporting])
        {
            Options.Add(option);
        }

        Arguments.Add(PathsArgument);
        Validators.Add(result => FindValidation.Validate(this, result));
        SetAction((result, cancellation) => new FindAction(this, result).RunAsync(cancellation));
    }

    string ICommandWithExamples.Examples => Examples;

    // Which ids.
    public IdOption IdOption { get; } = new();

    public Option<string?> IdsFileOption { get; } = new("--ids-file")
    {
        Description = "Read ids from FILE, one per line ('#' starts a comment line); adds to --id.",
        HelpName = "FILE",
    };

    public Option<bool> NumericOption { get; } = new("--numeric") { Description = "Compare ids as integers: leading zeros, a '+' and blanks around the field are ignored (011865 = 11865)." };

    // Where the id is, and how the files are written.
    public ColumnOption ColumnOption { get; } = new();

    public DelimiterOption DelimiterOption { get; } = new();

    public Option<bool> HeaderOption { get; } = new("--header") { Description = "The first line of every file is a header (default: detected per file)." };

    public Option<bool> NoHeaderOption { get; } = new("--no-header") { Description = "No file has a header line: the first line is data." };

    public Option<bool> NoHeaderOutputOption { get; } = new("--no-header-output") { Description = "Do not print the inputs' header line before the rows." };

    public EncodingOption EncodingOption { get; } = new();

    public OutputEncodingOption OutputEncodingOption { get; } = new();

    // Which files.
    public GlobOption GlobOption { get; } = new();

    public Option<string?> FilesFromOption { get; } = new("--files-from")
    {
        Description = "Also scan the paths listed in FILE ('-': standard input), one per line, after the PATH arguments; relative to the current directory.",
        HelpName = "FILE",
    };

    public Option<bool> NullDataOption { get; } = new("--null-data") { Description = "The --files-from list is NUL-separated (find -print0), so names may hold line breaks." };

    public IdFromPathOption IdFromPathOption { get; } = new();

    public Option<bool> StrictOption { get; } = new("--strict") { Description = "Malformed rows are an error (exit 2) rather than a warning." };

    // How the scan runs, and where the rows go.
    public WorkersOption WorkersOption { get; } = new();

    public RetriesOption RetriesOption { get; } = new();

    public FileOption OutputOption { get; } = new("--output", "-o")
    {
        Description = "Write the rows to FILE instead of stdout; FILE appears only if the run succeeds.",
    };

    // What is printed instead of, or around, the rows.
    public Option<bool> CountOption { get; } = new("--count", "-C") { Description = "Print PATH:N for each file with matching rows instead of the rows (as grep -c; -c is the column)." };

    public Option<bool> TotalOption { get; } = new("--total") { Description = "Print only the number of matching rows in all files." };

    public Option<bool> FilesWithMatchesOption { get; } = new("--files-with-matches", "-l") { Description = "Print the path of each file with a matching row instead of the rows; each file is read up to its first match." };

    public Option<bool> QuietOption { get; } = new("--quiet", "-q") { Description = "Print nothing; exit 0 at the first matching row (every worker is stopped), 1 if there is none." };

    public MaxCountOption MaxCountOption { get; } = new();

    public Option<bool> WithFileNameOption { get; } = new("--with-filename", "-H") { Description = "Put the file's path in front of each row as a CSV field (quoted when needed); a header gets 'file'." };

    public Option<bool> LineNumberOption { get; } = new("--line-number", "-n") { Description = "Put the row's line number in the file in front of each row as a CSV field; a header gets 'line'." };

    public Option<bool> NullOption { get; } = new("--null", "-0") { Description = "With -l, end each path with a NUL byte; with --count, put a NUL between path and count (any path is then safe)." };

    // Shards and Slurm.
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

    public Option<int> ShardsOption { get; } = new("--shards") { Description = "How many shards (array tasks) --slurm runs (default 8).", HelpName = "N", DefaultValueFactory = _ => 8 };

    public Option<string[]> SbatchArgOption { get; } = new("--sbatch-arg")
    {
        Description = "Pass ARG to sbatch as it is (repeatable), e.g. --sbatch-arg=--partition=long --sbatch-arg=--time=30.",
        HelpName = "ARG",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> ResumeOption { get; } = new("--resume") { Description = "With --slurm: submit only the shards whose parts are missing or incomplete, then merge." };

    // Progress, logs and the report.
    public ProgressOption ProgressOption { get; } = new();

    public FileOption LogFileOption { get; } = new("--log-file")
    {
        Description = "Also write a structured (compact JSON) log of the coordinator and every worker to FILE.",
    };

    public FileOption StatsOption { get; } = new("--stats")
    {
        Description = "At the end, write a JSON report to FILE ('-' for stderr): per file bytes, rows, matches, malformed rows, errors, time and dialect; totals.",
    };

    public Option<bool> VerboseOption { get; } = new("--verbose", "-v") { Description = "Print informational messages (per-file timings) on stderr too." };

    public PathsArgument PathsArgument { get; } = new();

    /// <summary>The options of a parse result, read with this process's environment and files (see <see cref="ScanOptionsBuilder"/>).</summary>
    public ScanOptions ToScanOptions(ParseResult result) => new ScanOptionsBuilder(this, CliEnvironment.Current).Build(result);
}
