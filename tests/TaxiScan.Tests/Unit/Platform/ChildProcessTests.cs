using System.Diagnostics;
using TaxiScan.Platform;

namespace TaxiScan.Tests.Unit.Platform;

public class ChildProcessTests
{
    [Fact]
    public async Task A_child_s_exit_code_stdout_and_stderr_are_captured()
    {
        var result = await ChildProcess.RunAsync("/bin/sh", ["-c", "printf out; printf err >&2; exit 3"], CancellationToken.None);

        Assert.Equal(new ChildProcess.Result(3, "out", "err"), result);
    }

    [Fact]
    public async Task Arguments_reach_the_child_as_they_are_with_no_shell_between()
    {
        var result = await ChildProcess.RunAsync("/bin/echo", ["a b", "$HOME", "'q'"], CancellationToken.None);

        Assert.Equal("a b $HOME 'q'\n", result.Stdout);
    }

    [Fact]
    public async Task Cancelling_kills_the_child_and_what_it_started()
    {
        using var dir = new Support.TempDir();
        var pidFile = dir.Combine("grandchild.pid");
        using var cancel = new CancellationTokenSource();
        var run = ChildProcess.RunAsync("/bin/sh", ["-c", $"sleep 60 & echo $! > '{pidFile}'; wait"], cancel.Token);
        var waited = Stopwatch.StartNew();
        while (!(File.Exists(pidFile) && File.ReadAllText(pidFile).EndsWith('\n')) && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20);
        }

        var grandchild = Process.GetProcessById(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(grandchild.WaitForExit(TimeSpan.FromSeconds(10)), "the grandchild (sleep) outlived the cancellation");
    }
}
