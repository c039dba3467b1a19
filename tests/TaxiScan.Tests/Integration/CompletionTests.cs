using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>The <c>[suggest:N]</c> directive that shell completion calls back into.</summary>
public class CompletionTests
{
    [Theory]
    [InlineData("taxiscan find --wo", "--workers\n")]
    [InlineData("taxiscan __w", "")]
    [InlineData("taxiscan find -c ", "")]
    [InlineData("taxiscan find --id 11865 --wo", "--workers\n")]
    [InlineData("taxiscan find --numeric --wo", "--workers\n")]
    public void The_suggest_directive_prints_one_completion_per_line_and_exits_0(string line, string expected)
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, $"[suggest:{line.Length}]", line);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, result.StdoutText);
        Assert.Empty(result.Stderr);
    }
}
