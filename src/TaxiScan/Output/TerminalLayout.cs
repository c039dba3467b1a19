using TaxiScan.Model;
using TaxiScan.Platform;


namespace TaxiScan.Output;

/// <summary>
/// Decides, before anything touches <see cref="Console"/>, where data and progress bars go.
/// ShellProgressBar draws only through <see cref="Console"/> (descriptor 1) and draws nothing when
/// descriptor 1 is redirected. So when stdout is a file or pipe but stderr is a terminal, the real
/// stdout is duplicated to a spare descriptor for the data and descriptor 1 is pointed at the terminal:
/// the bars reach the screen, and not one bar byte can reach the data. When stdout is the terminal
/// too, rows are held back (spooled) until the bars are gone, so no redraw overwrites a row.
/// </summary>
internal sealed record TerminalLayout(int DataDescriptor, bool DrawBars, bool DeferRowsUntilBarsAreGone)
{
    public static TerminalLayout Arrange(ProgressMode mode)
    {
        var stdoutIsTerminal = Posix.IsTerminal(Posix.StdoutFd);
        var stderrIsTerminal = Posix.IsTerminal(Posix.StderrFd);
        var bars = mode switch
        {
            ProgressMode.Never => false,
            ProgressMode.Always => stderrIsTerminal || stdoutIsTerminal,
            _ => stderrIsTerminal,
        };

        if (!bars)
        {
            return new TerminalLayout(Posix.StdoutFd, false, false);
        }

        if (stdoutIsTerminal)
        {
            return new TerminalLayout(Posix.StdoutFd, true, true);
        }

        var data = Posix.Dup(Posix.StdoutFd);
        if (data < 0 || Posix.Dup2(Posix.StderrFd, Posix.StdoutFd) < 0)
        {
            return new TerminalLayout(Posix.StdoutFd, false, false);
        }

        // Workers must not inherit the data descriptor: a pipe reader waits for every writer to close.
        Posix.SetCloseOnExec(data);
        return new TerminalLayout(data, true, false);
    }
}
