using TaxiScan.Matching;
using TaxiScan.Model;


namespace TaxiScan.Scanning;

/// <summary>
/// How one unit is scanned, once its dialect is known: the dialect, the line path's matcher, the id
/// test the quoted path applies (null when every row matches, for a file selected by its name), and the
/// fast path's candidate search (null when every row must go through the exact path), and whether the
/// unit may hold quotes (not a bounded byte range, whose cuts assume line breaks end rows).
/// </summary>
internal sealed record UnitPlan(Dialect Dialect, IRowMatcher LineMatcher, IdTest? Ids, CandidateSearch? Search = null, bool QuotesAllowed = true)
{
    /// <summary>Whether the line path hands the rest of the file to the quoted path at the first quote it meets.</summary>
    public bool HandOverAtQuote => Dialect.Delimiter.Kind == DelimiterKind.Byte && !Dialect.DelimiterGuessed;
}
