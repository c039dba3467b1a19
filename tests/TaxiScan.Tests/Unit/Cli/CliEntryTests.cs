using System.CommandLine;
using TaxiScan.Cli;

namespace TaxiScan.Tests.Unit.Cli;

public class CliEntryTests
{
    private static async Task<(int ExitCode, string Error)> RunAsync(Exception thrown, params string[] args)
    {
        var boom = new Command("boom");
        boom.SetAction((Func<ParseResult, int>)(_ => throw thrown));
        var root = new RootCommand { boom };
        var error = new StringWriter { NewLine = "\n" };
        var exitCode = await CliEntry.RunAsync(root, args, error);
        return (exitCode, error.ToString());
    }

    [Fact]
    public async Task An_unexpected_exception_is_one_line_and_exit_2_never_a_stack_trace()
    {
        var (exitCode, error) = await RunAsync(new InvalidOperationException("it broke\n  at somewhere"), "boom");

        Assert.Equal(2, exitCode);
        Assert.Equal("taxiscan: unexpected error (InvalidOperationException): it broke at somewhere\n", error);
    }

    [Fact]
    public async Task An_io_error_is_its_message_after_the_prefix()
    {
        var (exitCode, error) = await RunAsync(new IOException("disk gone"), "boom");

        Assert.Equal(2, exitCode);
        Assert.Equal("taxiscan: disk gone\n", error);
    }

    [Fact]
    public async Task A_parse_error_is_one_line_pointing_at_the_command_s_help()
    {
        var (exitCode, error) = await RunAsync(new InvalidOperationException("not run"), "boom", "--nope");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("taxiscan: ", error, StringComparison.Ordinal);
        Assert.EndsWith(" (see 'taxiscan boom --help')\n", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
