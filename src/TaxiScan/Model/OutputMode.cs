namespace TaxiScan.Model;

/// <summary>What the run prints for the matching rows: the rows themselves, or one of grep's summaries of them.</summary>
internal enum OutputMode : byte
{
    /// <summary>The matching rows, byte for byte (the default).</summary>
    Rows = 0,

    /// <summary><c>--count</c>: one <c>PATH:N</c> line per file with matches.</summary>
    CountPerFile = 1,

    /// <summary><c>--total</c>: one line, the number of matching rows in all files.</summary>
    Total = 2,

    /// <summary><c>--files-with-matches</c>: the path of each file with at least one match.</summary>
    FilesWithMatches = 3,

    /// <summary><c>--quiet</c>: nothing; the exit status says whether a row matched, and the run stops at the first.</summary>
    Quiet = 4,
}
