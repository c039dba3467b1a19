using System.CommandLine;
using System.CommandLine.Parsing;
using TaxiScan.Cli.Options;
using TaxiScan.Discovery;
using TaxiScan.Model;

namespace TaxiScan.Cli;

/// <summary>
/// The rules between <c>find</c>'s options, in one place: what is required, what contradicts what, and
/// what goes only with what. Each broken rule is a parse error (one line on stderr, exit 2); a value's
/// own rules are its option type's (<c>Cli/Options/</c>).
/// </summary>
internal static class FindValidation
{
    public static void Validate(FindCommand find, CommandResult result)
    {
        if (result.GetResult(find.IdOption) is null && result.GetResult(find.IdsFileOption) is null)
        {
            result.AddError("--id or --ids-file is required");
        }

        if (result.GetValue(find.HeaderOption) && result.GetValue(find.NoHeaderOption))
        {
            result.AddError("--header and --no-header contradict each other");
        }

        var modes = new[] { find.CountOption, find.TotalOption, find.FilesWithMatchesOption, find.QuietOption }.Where(option => result.GetValue(option)).ToList();
        if (modes.Count > 1)
        {
            result.AddError($"{modes[0].Name} and {modes[1].Name} are different outputs; choose one");
        }
        else if (modes.Count == 1 && (result.GetValue(find.WithFileNameOption) || result.GetValue(find.LineNumberOption)))
        {
            result.AddError($"{(result.GetValue(find.WithFileNameOption) ? "--with-filename" : "--line-number")} adds fields to rows, and {modes[0].Name} prints no rows");
        }

        if (result.GetValue(find.NullOption) && !(result.GetValue(find.CountOption) || result.GetValue(find.FilesWithMatchesOption)))
        {
            result.AddError("--null separates the paths of --files-with-matches or --count; use it with one of them");
        }

        if (result.GetValue(find.QuietOption) && result.GetResult(find.OutputOption) is not null)
        {
            result.AddError("--quiet prints nothing, so --output would stay empty; drop one of them");
        }

        if (result.GetResult(find.ShardOption) is not null && modes.Count > 0)
        {
            result.AddError($"--shard writes rows for 'taxiscan merge' to join; {modes[0].Name} cannot be joined that way");
        }

        ValidateSlurm(find, result, modes);
        if (result.GetResult(find.ShardCountOption) is not null && result.GetValue(find.ShardOption) != "auto")
        {
            result.AddError("--shard-count is for --shard auto; with --shard K/N the N is given");
        }

        ValidateInputs(find, result);
    }

    private static void ValidateSlurm(FindCommand find, CommandResult result, List<Option<bool>> modes)
    {
        if (!result.GetValue(find.SlurmOption))
        {
            if (result.GetResult(find.ShardsOption) is not null || result.GetResult(find.SbatchArgOption) is not null || result.GetResult(find.ResumeOption) is not null)
            {
                result.AddError("--shards, --sbatch-arg and --resume go with --slurm");
            }

            return;
        }

        if (result.GetResult(find.OutputOption) is null)
        {
            result.AddError("--slurm merges the shards into a file: give it with -o FILE");
        }

        if (result.GetResult(find.ShardOption) is not null)
        {
            result.AddError("--slurm chooses the shards itself; drop --shard");
        }

        if (modes.Count > 0)
        {
            result.AddError($"--slurm writes rows to merge; {modes[0].Name} cannot be merged that way");
        }

        if (result.GetResult(find.ShardsOption) is { } shards)
        {
            LastToken.Check(shards, ShardsError);
        }
    }

    private static void ValidateInputs(FindCommand find, CommandResult result)
    {
        // Tokens, not GetValue: GetValue throws when that symbol has a parse error of its own (a repeated
        // --files-from, a misspelled option taken for a PATH), and that error is what must be reported.
        var paths = result.GetResult(find.PathsArgument)?.Tokens.Select(token => token.Value).ToArray() ?? [];
        var listOption = result.GetResult(find.FilesFromOption);
        var list = listOption is { Tokens: [.., var last] } ? last.Value : null;
        if (paths.Length == 0 && listOption is null)
        {
            result.AddError("no inputs: give PATH arguments or --files-from FILE");
        }

        if (result.GetValue(find.NullDataOption) && listOption is null)
        {
            result.AddError("--null-data needs --files-from: it says how that list is separated");
        }

        if (list is not null && InputDiscovery.IsStdin(list) && paths.FirstOrDefault(InputDiscovery.IsStdin) is { } stdinPath)
        {
            result.AddError($"--files-from {list} reads the list from standard input, so '{stdinPath}' cannot also be an input");
        }
    }

    private static string? ShardsError(string text) =>
        !int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var count)
            ? $"--shards must be a whole number from 1 to {ShardSpec.MaxCount}, not '{text}'"
            : count is < 1 or > ShardSpec.MaxCount ? $"--shards must be 1 to {ShardSpec.MaxCount}" : null;
}
