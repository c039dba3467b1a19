using TaxiScan.Cli;
using TaxiScan.Model;

namespace TaxiScan.Tests.Unit.Cli;

public class SignalScopeTests
{
    [Fact]
    public void A_scope_not_signalled_is_not_cancelled()
    {
        using var scope = new SignalScope(CancellationToken.None);

        Assert.False(scope.Token.IsCancellationRequested);
    }

    [Fact]
    public void Sigterm_cancels_and_gives_143_terminated()
    {
        using var scope = new SignalScope(CancellationToken.None);
        scope.Raise(ExitCodes.Terminated);

        Assert.True(scope.Token.IsCancellationRequested);
        Assert.Equal(143, scope.ExitCode);
        Assert.Equal("terminated", scope.What);
    }

    [Fact]
    public void Sighup_cancels_and_gives_129_hung_up()
    {
        using var scope = new SignalScope(CancellationToken.None);
        scope.Raise(ExitCodes.HungUp);

        Assert.True(scope.Token.IsCancellationRequested);
        Assert.Equal(129, scope.ExitCode);
        Assert.Equal("hung up", scope.What);
    }

    [Fact]
    public void The_first_signal_decides_the_exit_code()
    {
        using var scope = new SignalScope(CancellationToken.None);
        scope.Raise(ExitCodes.Interrupted);
        scope.Raise(ExitCodes.Terminated);

        Assert.Equal(130, scope.ExitCode);
        Assert.Equal("interrupted", scope.What);
    }

    [Fact]
    public void An_outer_cancellation_cancels_and_counts_as_an_interrupt()
    {
        using var outer = new CancellationTokenSource();
        using var scope = new SignalScope(outer.Token);
        outer.Cancel();

        Assert.True(scope.Token.IsCancellationRequested);
        Assert.Equal(130, scope.ExitCode);
    }
}
