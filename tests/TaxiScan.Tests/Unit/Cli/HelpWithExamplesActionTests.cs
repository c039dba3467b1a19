using System.CommandLine;
using TaxiScan.Cli;

namespace TaxiScan.Tests.Unit.Cli;

public class HelpWithExamplesActionTests
{
    private static string HelpOf(params string[] args)
    {
        var output = new StringWriter();
        var result = new TaxiScanCommand().Parse(args);
        Assert.Equal(0, result.Invoke(new InvocationConfiguration { Output = output }));
        return output.ToString();
    }

    [Fact]
    public void Find_help_ends_with_find_s_examples_and_the_exit_codes()
    {
        var help = HelpOf("find", "--help");

        Assert.Contains(FindCommand.Examples, help, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_help_shows_merge_s_examples_not_find_s()
    {
        var help = HelpOf("merge", "--help");

        Assert.Contains(MergeCommand.Examples, help, StringComparison.Ordinal);
        Assert.DoesNotContain("taxiscan find --id", help, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Completion_help_shows_completion_s_examples()
    {
        var help = HelpOf("completion", "--help");

        Assert.Contains(CompletionCommand.Examples, help, StringComparison.Ordinal);
        Assert.DoesNotContain("taxiscan find --id", help, StringComparison.Ordinal);
    }

    [Fact]
    public void The_root_help_shows_find_s_examples() => Assert.Contains(FindCommand.Examples, HelpOf("--help"), StringComparison.Ordinal);
}
