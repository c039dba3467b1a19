using System.CommandLine;
using TaxiScan.Model;
using TaxiScan.Platform;

namespace TaxiScan.Cli;

/// <summary>
/// Parses a command line and runs the chosen command: what <c>Program.Main</c> does, and what a Slurm task
/// does with the <c>find</c> command line saved for it. Parse errors are one line on stderr and exit 2
/// (never a help dump on stdout, which scripts would take for data); so is any exception a command lets out.
/// </summary>
internal static class CliEntry
{
    public static Task<int> RunAsync(IReadOnlyList<string> args) => RunAsync(new TaxiScanCommand(), args, Console.Error);

    /// <summary>Runs <paramref name="args"/> against <paramref name="root"/>, this type's messages going to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(RootCommand root, IReadOnlyList<string> args, TextWriter error)
    {
        var result = root.Parse(args);
        if (result.Errors.Count > 0 && result.Action is not HelpWithExamplesAction)
        {
            // One line, whatever the parser's message looks like: scripts log stderr line by line.
            var message = OneLine(result.Errors[0].Message);
            var command = result.CommandResult.Command;
            var helpFor = command is RootCommand || command.Hidden ? "find" : command.Name;
            await error.WriteLineAsync(UserMessage.Of($"{message} (see 'taxiscan {helpFor} --help')"));
            return ExitCodes.Error;
        }

        // Signals are handled by SignalScope (it needs to know which one for the exit code); exceptions here,
        // since System.CommandLine's own handler would print a stack trace and exit 1.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
        try
        {
            return await result.InvokeAsync(invocation);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await error.WriteLineAsync(UserMessage.Of(e.Message));
            return ExitCodes.Error;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await error.WriteLineAsync(UserMessage.Of($"unexpected error ({e.GetType().Name}): {OneLine(e.Message)}"));
            return ExitCodes.Error;
        }
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
