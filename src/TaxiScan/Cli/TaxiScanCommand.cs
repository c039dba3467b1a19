using System.CommandLine;

namespace TaxiScan.Cli;

/// <summary>The root command: <c>taxiscan</c> with its <c>find</c> command and the hidden worker mode.</summary>
internal sealed class TaxiScanCommand : RootCommand
{
    public TaxiScanCommand()
        : base("taxiscan: pull the rows of chosen vehicles out of directories of taxi GPS CSV files, fast.")
    {
        Subcommands.Add(Find);
        Subcommands.Add(new WorkerCommand());
        HelpWithExamplesAction.InstallOn(this);
    }

    public FindCommand Find { get; } = new();
}
