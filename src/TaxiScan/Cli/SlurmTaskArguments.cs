using System.CommandLine;
using System.CommandLine.Parsing;
using TaxiScan.Model;
using TaxiScan.Sharding;

namespace TaxiScan.Cli;

/// <summary>
/// The ordinary <c>find</c> command line each task of a <c>find --slurm</c> array job runs: the user's
/// options and paths, without what only concerns submitting (<c>--slurm</c>, <c>--shards</c>,
/// <c>--sbatch-arg</c>, <c>--resume</c>), with <c>--shard auto --shard-count N</c> (Slurm gives the index),
/// <c>-o</c> the work directory's part pattern and <c>--progress never</c> (a task has no terminal).
/// It is saved in the work directory, where <c>--resume</c> compares it: a run resumed with other sbatch
/// arguments is the same scan.
/// </summary>
internal static class SlurmTaskArguments
{
    public static IReadOnlyList<string> For(FindCommand find, ParseResult result, string workDirectory)
    {
        Option[] replaced = [find.SlurmOption, find.ShardsOption, find.SbatchArgOption, find.ResumeOption, find.OutputOption, find.ProgressOption];
        var arguments = new List<string> { find.Name };
        foreach (var option in find.Options.Except(replaced))
        {
            // Rebuilt from the parsed values, not copied from the tokens: -oFILE, --id=1 and '-o FILE' all
            // come out as --name=VALUE, which no value (one starting with '-', say) can be mistaken in.
            if (result.GetResult(option) is not OptionResult { Implicit: false } given)
            {
                continue;
            }

            if (given.Tokens.Count == 0)
            {
                arguments.Add(option.Name);
            }

            arguments.AddRange(given.Tokens.Select(token => $"{option.Name}={token.Value}"));
        }

        var shards = result.GetValue(find.ShardsOption);
        arguments.AddRange(
        [
            $"{find.ShardOption.Name}=auto", $"{find.ShardCountOption.Name}={shards}",
            $"{find.OutputOption.Name}={SlurmRun.PartPattern(workDirectory)}", $"{find.ProgressOption.Name}={ProgressMode.Never.ToString().ToLowerInvariant()}",
        ]);
        var paths = result.GetValue(find.PathsArgument) ?? [];
        if (paths.Any(path => path.StartsWith('-')))
        {
            arguments.Add("--"); // a path such as '-x' (which exists, or the parse would have refused it) is not an option
        }

        arguments.AddRange(paths);
        return arguments;
    }
}
