using System.CommandLine;

namespace TaxiScan.Cli;

/// <summary>
/// <c>taxiscan completion bash|zsh|fish</c>: prints that shell's completion script (<see cref="CompletionScripts"/>)
/// on stdout. An unknown shell is a parse error: one line on stderr, exit 2.
/// </summary>
internal sealed class CompletionCommand : Command, ICommandWithExamples
{
    public const string Examples =
        """
        Examples:
          source <(taxiscan completion bash)                in ~/.bashrc: complete taxiscan in bash
          taxiscan completion fish > ~/.config/fish/completions/taxiscan.fish
        """;

    private readonly Argument<string> _shellArgument = new("SHELL")
    {
        Description = "The shell: bash, zsh or fish.",
    };

    string ICommandWithExamples.Examples => Examples;

    public CompletionCommand()
        : base("completion", "Print a shell completion script on stdout; its first lines say how to enable it " +
                             "(bash: 'source <(taxiscan completion bash)' in ~/.bashrc).")
    {
        _shellArgument.AcceptOnlyFromAmong(CompletionScripts.Shells);
        Arguments.Add(_shellArgument);
        SetAction(result =>
        {
            result.InvocationConfiguration.Output.Write(CompletionScripts.For(result.GetValue(_shellArgument)!));
            return 0;
        });
    }
}
