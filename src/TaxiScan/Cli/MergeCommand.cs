using System.CommandLine;
using TaxiScan.Cli.Options;
using TaxiScan.Model;
using TaxiScan.Output;
using TaxiScan.Platform;
using TaxiScan.Sharding;

namespace TaxiScan.Cli;

/// <summary>
/// <c>taxiscan merge OUTPUT PART...</c>: joins the parts of a sharded run (<c>find --shard K/N -o PART</c>)
/// into the output one machine would have written (see <see cref="PartMerger"/>). OUTPUT <c>-</c> is stdout.
/// </summary>
internal sealed class MergeCommand : Command, ICommandWithExamples
{
    public const string Examples =
        """
        Examples:
          taxiscan merge rows.csv parts/part-*.csv          join every part of a sharded run into rows.csv
          taxiscan merge - parts/part-*.csv | wc -l         the joined rows on stdout
        """;

    public MergeCommand()
        : base("merge", "Join the parts of a sharded run (find --shard K/N -o PART) into OUTPUT ('-': stdout), after checking that " +
                        "they are complete and belong to the same run; the shards to run again are named otherwise.")
    {
        OutputArgument.Validators.Add(result => LastToken.Check(result, text => FileOption.Check("merge OUTPUT", text)));
        Arguments.Add(OutputArgument);
        Arguments.Add(PartsArgument);
        SetAction(Run);
    }

    string ICommandWithExamples.Examples => Examples;

    public Argument<string> OutputArgument { get; } = new("OUTPUT") { Description = "The merged output file (written whole or not at all), or '-' for stdout." };

    public Argument<string[]> PartsArgument { get; } = new("PART") { Description = "The parts, in any order.", Arity = ArgumentArity.OneOrMore };

    private int Run(ParseResult result)
    {
        var output = result.GetValue(OutputArgument)!;
        var parts = result.GetValue(PartsArgument)!;
        if (PartMerger.OutputRefusal(output, parts) is { } refusal)
        {
            Console.Error.WriteLine(UserMessage.Of($"merge: {refusal}"));
            return ExitCodes.Error;
        }

        PartMerger.Outcome outcome;
        try
        {
            outcome = PartMerger.Merge(parts, () => output == "-" ? new StdoutTarget(Posix.StdoutFd) : DeviceFileTarget.OpenOutput(output));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(UserMessage.Of($"merge: {output}: {e.Message}"));
            return ExitCodes.Error;
        }

        foreach (var problem in outcome.Problems)
        {
            Console.Error.WriteLine(UserMessage.Of($"merge: {problem}"));
        }

        if (outcome.Problems.Count > 0)
        {
            Console.Error.WriteLine(UserMessage.Of($"merge: nothing written{(output == "-" ? "" : $"; {output} left as it was")}"));
            return ExitCodes.Error;
        }

        if (outcome.ShardsWithErrors.Count > 0)
        {
            Console.Error.WriteLine(UserMessage.Of($"merge: shards {string.Join(", ", outcome.ShardsWithErrors)} reported errors when they ran (see their logs); their other rows are merged"));
            return ExitCodes.Error;
        }

        return outcome.Rows > 0 ? ExitCodes.RowsFound : ExitCodes.NoRowsFound;
    }
}
