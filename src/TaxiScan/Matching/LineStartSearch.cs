namespace TaxiScan.Matching;

/// <summary>
/// Candidate search for one id in the first field: rows that start with the id's bytes, found by a
/// vectorised search for <c>"\n" + id</c>. The needle starts with the line break on purpose: the filters
/// look at the needle's first and last bytes, and <c>\n</c> is rare where digits are everywhere (a needle
/// ending in the delimiter would pair two bytes that every row has the same distance apart).
/// </summary>
internal sealed class LineStartSearch(byte[] id) : CandidateSearch
{
    private readonly byte[] _id = id;
    private readonly byte[] _needle = [(byte)'\n', .. id];

    public override NeedleFilter? Needle => NeedleFilter.Of(_needle);

    public override int RowOfHit(ReadOnlySpan<byte> lines, int hit) => lines[(hit + 1)..].StartsWith(_id) ? hit + 1 : -1;

    public override bool FirstRowIsCandidate(ReadOnlySpan<byte> lines) => lines.StartsWith(_id);

    public override int NextCandidate(ReadOnlySpan<byte> lines, int from)
    {
        if (lines[from..].StartsWith(_id))
        {
            return from;
        }

        // A hit at the '\n' that ends the row at `from` is the next row's start: no row is skipped.
        var hit = lines[from..].IndexOf(_needle);
        return hit < 0 ? -1 : from + hit + 1;
    }
}
