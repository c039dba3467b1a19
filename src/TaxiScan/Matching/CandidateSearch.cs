using TaxiScan.Model;

namespace TaxiScan.Matching;

/// <summary>
/// The fast path's first step: finds, in a run of whole unquoted lines, the rows that might match, so
/// that every other row is skipped by a vectorised byte search without being split into fields. A
/// candidate is then checked by the exact matcher (<see cref="LineRowMatcher"/>), so a search may
/// return rows that do not match but must never miss one that does. Which search fits depends on the
/// ids and the dialect (<see cref="For"/>); where none fits, every row goes through the exact matcher.
/// </summary>
internal abstract class CandidateSearch
{
    /// <summary>
    /// The start of the first candidate row at or after <paramref name="from"/>, or -1.
    /// </summary>
    /// <param name="lines">Whole lines: starts at a row start; each row ends with <c>\n</c> except perhaps the last of a file.</param>
    /// <param name="from">A row start inside <paramref name="lines"/>.</param>
    public abstract int NextCandidate(ReadOnlySpan<byte> lines, int from);

    /// <summary>
    /// Bytes every candidate's needle has, for the block census to find in its own pass; null when the
    /// search has none. With it, <see cref="RowOfHit"/> and <see cref="FirstRowIsCandidate"/> replace
    /// <see cref="NextCandidate"/>.
    /// </summary>
    public virtual NeedleFilter? Needle => null;

    /// <summary>The candidate row that a filter hit at <paramref name="hit"/> belongs to, or -1 when the needle is not there.</summary>
    public virtual int RowOfHit(ReadOnlySpan<byte> lines, int hit) => throw new NotSupportedException();

    /// <summary>Whether the block's first row is a candidate that no filter hit can point to (it has no line break before it).</summary>
    public virtual bool FirstRowIsCandidate(ReadOnlySpan<byte> lines) => false;

    /// <summary>The search for these ids in files of this dialect, or null when only the exact path can tell.</summary>
    public static CandidateSearch? For(IdTest ids, Dialect dialect)
    {
        if (ids.Numeric || dialect.Quoted)
        {
            // An integer has many spellings (011865, +11865, " 11865"), so its bytes cannot be searched for.
            return null;
        }

        var byteDelimited = dialect.Delimiter.Kind == DelimiterKind.Byte;
        if (ids.Set.Count == 1)
        {
            var id = ids.Set.Single;
            return dialect.IdColumn == 0 && byteDelimited && id.Length > 0
                ? new LineStartSearch(id)
                : new IdBytesSearch(id);
        }

        return dialect.IdColumn == 0 && byteDelimited
            ? LineStartSetSearch.TryCreate(ids.Set, dialect.Delimiter.Byte)
            : null;
    }

    /// <summary>The start of the row holding <paramref name="at"/>: just past the previous <c>\n</c>, or <paramref name="from"/>.</summary>
    protected static int RowStartOf(ReadOnlySpan<byte> lines, int from, int at) =>
        from + lines[from..at].LastIndexOf((byte)'\n') + 1;
}
