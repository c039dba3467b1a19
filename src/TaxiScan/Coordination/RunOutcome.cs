using TaxiScan.Model;

namespace TaxiScan.Coordination;

/// <summary>Coordination stage, last step: the facts of a finished run that decide its exit code.</summary>
/// <param name="Errors">Errors reported (files, workers, the output).</param>
/// <param name="Matched">Rows that matched and were written.</param>
/// <param name="Malformed">Malformed rows met.</param>
/// <param name="Strict">Whether <c>--strict</c> makes a malformed row an error.</param>
/// <param name="QuietMatch">Whether <c>-q</c> met a match and stopped.</param>
/// <param name="StdoutClosed">Whether the reader of standard output went away (<c>| head -1</c>).</param>
internal sealed record RunFacts(int Errors, long Matched, long Malformed = 0, bool Strict = false, bool QuietMatch = false, bool StdoutClosed = false)
{
    /// <summary>Whether <c>--strict</c> makes the malformed rows an error of the run.</summary>
    public bool MalformedIsAnError => Strict && Malformed > 0;
}

/// <summary>The one rule from a run's facts to 0 (rows found), 1 (none) or 2 (error), as grep and ripgrep answer.
/// 130, 143 and 129 are not decided here: the signal scope of the CLI returns them.</summary>
internal static class RunOutcome
{
    public static int ExitCodeOf(RunFacts facts)
    {
        if (facts.QuietMatch)
        {
            return ExitCodes.RowsFound; // as grep -q: a match is the answer, even if a file failed
        }

        if (facts.StdoutClosed)
        {
            // The reader took what it wanted and the run stopped there, before the malformed rows were all
            // counted: rows were found, unless an error came first (a closed pipe is no error of ours).
            return facts.Errors > 0 ? ExitCodes.Error : ExitCodes.RowsFound;
        }

        return facts.Errors > 0 || facts.MalformedIsAnError ? ExitCodes.Error : facts.Matched > 0 ? ExitCodes.RowsFound : ExitCodes.NoRowsFound;
    }
}
