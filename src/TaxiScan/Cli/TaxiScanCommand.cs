using System.CommandLine;
using System.CommandLine.Completions;

namespace TaxiScan.Cli;

/// <summary>
/// The root command: <c>taxiscan</c> with its <c>find</c>, <c>merge</c> and <c>completion</c> commands, the hidden worker
/// mode, and the <c>[suggest:N]</c> directive that shell completion calls back into.
/// </summary>
internal sealed class TaxiScanCommand : RootCommand, ICommandWithExamples
{
    public TaxiScanCommand()
        : base("taxiscan: pull the rows of chosen vehicles out of directories of taxi GPS CSV files, fast.")
    {
        Subcommands.Add(Find);
        Subcommands.Add(new MergeCommand());
        Subcommands.Add(new CompletionCommand());
        Subcommands.Add(new WorkerCommand());
        Subcommands.Add(new SlurmTaskCommand());
        HelpWithExamplesAction.InstallOn(this);

        // RootCommand brings a [suggest] directive in System.CommandLine 3; say so here rather than rely on that
        // default, since the scripts of `taxiscan completion` depend on it.
        var suggest = Directives.OfType<SuggestDirective>().FirstOrDefault();
        if (suggest is null)
        {
            suggest = new SuggestDirective();
            Directives.Add(suggest);
        }

        suggest.Action = new SuggestAction(suggest);
    }

    public FindCommand Find { get; } = new();

    // `taxiscan --help` ends with find's examples: find is what nearly everyone comes for.
    string ICommandWithExamples.Examples => FindCommand.Examples;
}
