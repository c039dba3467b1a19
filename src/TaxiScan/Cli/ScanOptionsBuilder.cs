using System.CommandLine;
using TaxiScan.Cli.Options;
using TaxiScan.Discovery;
using TaxiScan.Matching;
using TaxiScan.Model;

namespace TaxiScan.Cli;

/// <summary>
/// From a validated <c>find</c> parse result, plus what it names outside the command line (the environment
/// for <c>--shard auto</c>, the <c>--ids-file</c>, the <c>--files-from</c> list), to the immutable
/// <see cref="ScanOptions"/> that everything below <c>Cli/</c> works from.
/// </summary>
internal sealed class ScanOptionsBuilder(FindCommand find, CliEnvironment environment)
{
    /// <exception cref="IOException">The --ids-file cannot be read.</exception>
    /// <exception cref="ArgumentException">An id is not valid with these options (e.g. not an integer with --numeric),
    /// or the --files-from list cannot be read or lists no path while no PATH is given.</exception>
    public ScanOptions Build(ParseResult result)
    {
        var encoding = EncodingOption.Canonical(result.GetValue(find.EncodingOption));
        var ids = IdList.Split(result.GetValue(find.IdOption) ?? []);
        if (result.GetValue(find.IdsFileOption) is { } idsFile)
        {
            ids = [.. ids.Concat(IdList.Parse(environment.ReadAllBytes(idsFile), encoding)).Distinct(StringComparer.Ordinal)];
        }

        if (ids.Count == 0)
        {
            throw new ArgumentException("no ids to look for (--id or --ids-file)");
        }

        var match = new MatchSpec
        {
            Ids = ids,
            Numeric = result.GetValue(find.NumericOption),
            Column = result.GetValue(find.ColumnOption),
            Delimiter = result.GetValue(find.DelimiterOption),
            Header = result.GetValue(find.HeaderOption) ? HeaderChoice.Present : result.GetValue(find.NoHeaderOption) ? HeaderChoice.Absent : HeaderChoice.Auto,
            InputEncoding = encoding,
            OutputUtf8 = result.GetValue(find.OutputEncodingOption) is not null,
            ExamineEveryRow = result.GetValue(find.StrictOption),
        };
        _ = IdTest.Create(match.Ids, match.Numeric, TextEncodings.Get(encoding)); // rejects a non-integer id under --numeric
        var shard = result.GetValue(find.ShardOption) is { } shardText
            ? ShardSpec.Parse(shardText, result.GetValue(find.ShardCountOption), environment.Variable)
            : (ShardSpec?)null;
        var outputPath = result.GetValue(find.OutputOption);
        if (shard is { } part && outputPath is not null)
        {
            // One command line for every task of an array job: -o 'parts/part-{shard}.csv'.
            outputPath = part.Expand(outputPath);
        }

        var mode = ModeOf(result);
        var progress = result.GetValue(find.ProgressOption);
        return new ScanOptions
        {
            Shard = shard,
            Paths = InputPaths(result),
            Match = match,
            Workers = result.GetValue(find.WorkersOption),
            Retries = result.GetValue(find.RetriesOption),
            OutputPath = outputPath,
            PrintHeader = !result.GetValue(find.NoHeaderOutputOption),
            Mode = mode,
            MaxCount = result.GetValue(find.MaxCountOption),
            WithFileName = result.GetValue(find.WithFileNameOption),
            LineNumber = result.GetValue(find.LineNumberOption),
            NullSeparated = result.GetValue(find.NullOption),
            Strict = result.GetValue(find.StrictOption),
            Globs = result.GetValue(find.GlobOption) ?? [],
            IdFromPath = result.GetValue(find.IdFromPathOption),
            // -q means silence: no bars either, unless asked for with --progress always.
            Progress = mode == OutputMode.Quiet && progress == ProgressMode.Auto ? ProgressMode.Never : progress,
            LogFilePath = result.GetValue(find.LogFileOption),
            StatsPath = result.GetValue(find.StatsOption),
            Verbose = result.GetValue(find.VerboseOption),
        };
    }

    private OutputMode ModeOf(ParseResult result) =>
        result.GetValue(find.CountOption) ? OutputMode.CountPerFile
        : result.GetValue(find.TotalOption) ? OutputMode.Total
        : result.GetValue(find.FilesWithMatchesOption) ? OutputMode.FilesWithMatches
        : result.GetValue(find.QuietOption) ? OutputMode.Quiet
        : OutputMode.Rows;

    // The PATH arguments, then the --files-from list in its order: the list order is the output order, as
    // the command-line order is. Listed paths are taken exactly as PATH arguments (a relative one against
    // the current directory, not the list's: what `find ... | taxiscan find --files-from -` expects).
    private string[] InputPaths(ParseResult result)
    {
        var paths = result.GetValue(find.PathsArgument) ?? [];
        if (result.GetValue(find.FilesFromOption) is not { } list)
        {
            return paths;
        }

        IReadOnlyList<string> listed;
        try
        {
            listed = environment.ReadPathList(list, result.GetValue(find.NullDataOption));
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
}
