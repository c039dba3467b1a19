using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using TaxiScan.Model;

namespace TaxiScan.Cli;

/// <summary>
/// <c>--help</c>: System.CommandLine's usual help, followed by the examples of the command asked about
/// (<see cref="ICommandWithExamples"/>) and the exit-code table, so that what a script author needs is on one screen.
/// </summary>
internal sealed class HelpWithExamplesAction(HelpAction standard) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var code = standard.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        if (parseResult.CommandResult.Command is ICommandWithExamples command)
        {
            output.WriteLine(command.Examples);
            output.WriteLine();
        }

        output.WriteLine(ExitCodes.HelpTable);
        return code;
    }

    /// <summary>Replaces the action of every help option in the tree with this one.</summary>
    public static void InstallOn(Command command)
    {
        foreach (var option in command.Options.OfType<HelpOption>())
        {
            if (option.Action is HelpAction standardAction)
            {
                option.Action = new HelpWithExamplesAction(standardAction);
            }
        }

        foreach (var subcommand in command.Subcommands)
        {
            InstallOn(subcommand);
        }
    }
}
