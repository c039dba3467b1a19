namespace TaxiScan.Model;

/// <summary>
/// The process exit codes, one meaning each, as grep and ripgrep use them.
/// Shown in <c>--help</c> and the README; every code has an integration test.
/// </summary>
internal static class ExitCodes
{
    /// <summary>At least one row matched and no error happened.</summary>
    public const int RowsFound = 0;

    /// <summary>No row matched and no error happened.</summary>
    public const int NoRowsFound = 1;

    /// <summary>An error: a bad argument, a missing or unreadable input, a failed worker, an output that could not be written.</summary>
    public const int Error = 2;

    /// <summary>Interrupted by SIGINT (Ctrl-C): 128 + 2, as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>Terminated by SIGTERM: 128 + 15.</summary>
    public const int Terminated = 143;

    /// <summary>Hung up (SIGHUP: the terminal or the ssh session closed): 128 + 1, with the same clean-up as SIGTERM.</summary>
    public const int HungUp = 129;

    /// <summary>The table printed by <c>--help</c>.</summary>
    public const string HelpTable =
        """
        Exit codes:
          0    at least one row matched
          1    no row matched
          2    an error (bad argument, missing or unreadable input, failed worker,
               output not writable), even if rows matched
          130  interrupted (Ctrl-C); 143 terminated (SIGTERM); 129 hung up (SIGHUP)
        """;
}
