namespace TaxiScan.Scanning;

/// <summary>Where <see cref="RowScanner"/> delivers what it finds in one unit.</summary>
internal interface IScanSink
{
    /// <summary>A matching row, whole, with its own line terminator (a last line without one has gained <c>\n</c>).</summary>
    void OnMatch(ReadOnlySpan<byte> row, ReadOnlySpan<byte> addedTerminator);

    /// <summary>A row that could not be read; <paramref name="line"/> is 1-based.</summary>
    void OnMalformed(long line, string reason);

    /// <summary>Called after each block read, with the bytes read so far in this unit.</summary>
    void OnBlock(long bytesSoFar, long rowsSoFar, long matchedSoFar);
}
