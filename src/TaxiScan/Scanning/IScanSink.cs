using TaxiScan.Matching;

namespace TaxiScan.Scanning;

/// <summary>Where the scanners deliver what they find in one unit.</summary>
internal interface IScanSink
{
    /// <summary>The file's dialect, once settled (logged at verbose level).</summary>
    void OnDialect(Dialect dialect);

    /// <summary>The header line, whole, with its terminator (or <paramref name="addedTerminator"/>).</summary>
    void OnHeader(ReadOnlySpan<byte> header, ReadOnlySpan<byte> addedTerminator);

    /// <summary>A matching row, whole, with its own line terminator (a last line without one has gained <c>\n</c>).</summary>
    void OnMatch(ReadOnlySpan<byte> row, ReadOnlySpan<byte> addedTerminator);

    /// <summary>A row that could not be read; <paramref name="line"/> is 1-based.</summary>
    void OnMalformed(long line, MalformedKind kind, string reason);

    /// <summary>Something about the whole file worth a warning (e.g. no delimiter could be detected).</summary>
    void OnWarning(string text);

    /// <summary>Called every so often with the unit's progress so far.</summary>
    void OnBlock(long bytesSoFar, long rowsSoFar, long matchedSoFar);
}
