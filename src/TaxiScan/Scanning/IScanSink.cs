using TaxiScan.Model;


namespace TaxiScan.Scanning;

/// <summary>Where the scanners deliver what they find in one unit.</summary>
internal interface IScanSink
{
    /// <summary>The file's dialect, once settled (logged at verbose level).</summary>
    void OnDialect(Dialect dialect);

    /// <summary>The header line, whole, with its terminator (or <paramref name="addedTerminator"/>).</summary>
    void OnHeader(ReadOnlySpan<byte> header, ReadOnlySpan<byte> addedTerminator);

    /// <summary>A matching row.</summary>
    /// <param name="row">The row, whole, with its own line terminator.</param>
    /// <param name="addedTerminator">A <c>\n</c> for a last line that has none, else empty.</param>
    /// <param name="line">The 1-based line the row starts on; 0 unless <see cref="WantsLineNumbers"/>.</param>
    void OnMatch(ReadOnlySpan<byte> row, ReadOnlySpan<byte> addedTerminator, long line);

    /// <summary>Whether <see cref="OnMatch"/> needs line numbers (<c>-n</c>): the fast path then counts line breaks up to each match.</summary>
    bool WantsLineNumbers { get; }

    /// <summary>Whether the sink has every match it wants of this unit (<c>--max-count</c>, <c>-l</c>, <c>-q</c>): the scanner stops reading.</summary>
    bool IsSatisfied { get; }

    /// <summary>A row that could not be read; <paramref name="line"/> is 1-based.</summary>
    void OnMalformed(long line, MalformedKind kind, string reason);

    /// <summary>Something about the whole file worth a warning (e.g. no delimiter could be detected).</summary>
    void OnWarning(string text);

    /// <summary>Called every so often with the unit's progress so far.</summary>
    void OnBlock(long bytesSoFar, long rowsSoFar, long matchedSoFar);
}
