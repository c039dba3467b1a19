using System.CommandLine;
using TaxiScan.Cli;
using TaxiScan.Model;
using TaxiScan.Platform;

namespace TaxiScan;

/// <summary>
/// Entry point: parses the command line and runs the chosen command. Parse errors are one line on
/// stderr and exit 2 (never a help dump on stdout, which scripts would take for data).
/// </summary>
internal static class Program
{
    /// <summary>The command line as given, for <c>find --slurm</c> to hand to its array job's tasks.</summary>
    public static IReadOnlyList<string> CommandLine { get; private set; } = [];

    public static async Task<int> Main(string[] args)
    {
        CommandLine = args;
        var root = new TaxiScanCommand();
        var result = root.Parse(args);
        if (result.Errors.Count > 0 && result.Action is not HelpWithExamplesAction)
        {
            // One line, whatever the parser's message looks like: scripts log stderr line by line.
            var message = string.Join(' ', result.Errors[0].Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            var command = result.CommandResult.Command;
            var helpFor = command is RootCommand || command.Hidden ? root.Find.Name : command.Name;
            await Console.Error.WriteLineAsync(UserMessage.Of($"{message} (see 'taxiscan {helpFor} --help')"));
            return ExitCodes.Error;
        }

        // Signals are handled by FindCommand itself (it needs to know which one for the exit code).
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
        try
        {
            return await result.InvokeAsync(invocation);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync(UserMessage.Of(e.Message));
            return ExitCodes.Error;
        }
    }
}
