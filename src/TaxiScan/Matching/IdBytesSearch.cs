namespace TaxiScan.Matching;

/// <summary>
/// Candidate search for one id in any field (a plate in column 8, a blank-separated first field): the
/// rows that hold the id's bytes anywhere. A row can only match if its id field equals the id, so it
/// holds those bytes; rows that hold them elsewhere (inside a coordinate) are weeded out by the exact check.
/// </summary>
internal sealed class IdBytesSearch(byte[] id) : CandidateSearch
{
    private readonly byte[] _id = id;

    public override NeedleFilter? Needle => _id.Length >= 2 ? NeedleFilter.Of(_id) : null;

    public override int RowOfHit(ReadOnlySpan<byte> lines, int hit) => lines[hit..].StartsWith(_id) ? RowStartOf(lines, 0, hit) : -1;

    public override int NextCandidate(ReadOnlySpan<byte> lines, int from)
    {
        if (_id.Length == 0)
        {
            return from; // an empty id (an empty field) is in every row
        }

        var hit = lines[from..].IndexOf(_id);
        return hit < 0 ? -1 : RowStartOf(lines, from, from + hit);
    }
}
