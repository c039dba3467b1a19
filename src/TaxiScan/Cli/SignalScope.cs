using System.Runtime.InteropServices;
using TaxiScan.Model;

namespace TaxiScan.Cli;

/// <summary>
/// The one place that turns Ctrl-C (SIGINT), SIGTERM and SIGHUP into a cancelled <see cref="Token"/> and the
/// exit code 128+signal (<see cref="ExitCodes.Interrupted"/>, <see cref="ExitCodes.Terminated"/>,
/// <see cref="ExitCodes.HungUp"/>). SIGHUP comes when the terminal or the ssh session closes: it gets the
/// same clean-up as SIGTERM, since a run left to the runtime's default would leave its workers scanning. While the scope
/// is open the runtime does not end the process on those signals, so the work cancelled by the token can
/// clean up (kill its workers, remove a partial --output, cancel a Slurm job) before the exit.
/// </summary>
internal sealed class SignalScope : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private readonly PosixSignalRegistration _hangUp;
    private int _signalExitCode;

    public SignalScope(CancellationToken outer)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => OnSignal(context, ExitCodes.Interrupted));
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => OnSignal(context, ExitCodes.Terminated));
        _hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => OnSignal(context, ExitCodes.HungUp));
    }

    /// <summary>Cancelled by the first signal, or by the outer token.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>The exit code for a cancelled run: the first signal's, or 130 when only the outer token was cancelled.</summary>
    public int ExitCode => Volatile.Read(ref _signalExitCode) is var code and not 0 ? code : ExitCodes.Interrupted;

    /// <summary>The word for the stderr line of a cancelled run.</summary>
    public string What => ExitCode switch
    {
        ExitCodes.Terminated => "terminated",
        ExitCodes.HungUp => "hung up",
        _ => "interrupted",
    };

    /// <summary>Acts as a signal would (for tests, and for callers that stop the run themselves).</summary>
    public void Raise(int exitCode)
    {
        Interlocked.CompareExchange(ref _signalExitCode, exitCode, 0);
        _stop.Cancel();
    }

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _hangUp.Dispose();
        _stop.Dispose();
    }

    // Cancel = true keeps the runtime from terminating the process before the cancelled work has cleaned up.
    private void OnSignal(PosixSignalContext context, int exitCode)
    {
        context.Cancel = true;
        Raise(exitCode);
    }
}
