using TaxiScan.Model;

namespace TaxiScan.Matching;

/// <summary>
/// Walks the fields of one unquoted line, left to right, without allocating: split at a delimiter byte,
/// or at runs of blanks (spaces and tabs) with blanks at either end of the line ignored.
/// </summary>
internal ref struct FieldCursor
{
    private readonly byte _delimiter;
    private readonly bool _blankRuns;
    private ReadOnlySpan<byte> _rest;
    private bool _done;

    public FieldCursor(ReadOnlySpan<byte> line, DelimiterChoice delimiter)
    {
        _blankRuns = delimiter.Kind == DelimiterKind.SpaceRuns;
        _delimiter = delimiter.Byte;
        _rest = _blankRuns ? line.Trim(" \t"u8) : line;
        _done = _blankRuns && _rest.IsEmpty;
    }

    /// <summary>Whether a field follows the one last returned.</summary>
    public readonly bool HasMore => !_done;

    public bool TryNext(out ReadOnlySpan<byte> field)
    {
        if (_done)
        {
            field = default;
            return false;
        }

        var end = _blankRuns ? _rest.IndexOfAny((byte)' ', (byte)'\t') : _rest.IndexOf(_delimiter);
        if (end < 0)
        {
            field = _rest;
            _rest = default;
            _done = true;
            return true;
        }

        field = _rest[..end];
        _rest = _blankRuns ? _rest[end..].TrimStart(" \t"u8) : _rest[(end + 1)..];
        return true;
    }

    /// <summary>Counts the fields not yet returned.</summary>
    public int CountRemaining()
    {
        if (_done)
        {
            return 0;
        }

        if (!_blankRuns)
        {
            return _rest.Count(_delimiter) + 1;
        }

        var count = 0;
        while (TryNext(out _))
        {
            count++;
        }

        return count;
    }
}
