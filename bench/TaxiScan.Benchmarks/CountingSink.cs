using TaxiScan.Model;
using TaxiScan.Scanning;


namespace TaxiScan.Benchmarks;

/// <summary>
/// An <see cref="IScanSink"/> that does no I/O: it counts the matching rows and their bytes (and the
/// malformed rows), so a benchmark measures the scan and not the writing of its output.
/// </summary>
internal sealed class CountingSink : IScanSink
{
    /// <summary>The dialect the scan settled on (a case checks it took the path it means to time).</summary>
    public Dialect? Dialect { get; private set; }

    public long Matched { get; private set; }

    public long MatchedBytes { get; private set; }

    public long Malformed { get; private set; }

    public void Reset()
    {
        Dialect = null;
        Matched = 0;
        MatchedBytes = 0;
        Malformed = 0;
    }

    public void OnDialect(Dialect dialect) => Dialect = dialect;

    public void OnHeader(ReadOnlySpan<byte> header, ReadOnlySpan<byte> addedTerminator)
    {
    }

    public bool WantsLineNumbers => false;

    public bool IsSatisfied => false;

    public void OnMatch(ReadOnlySpan<byte> row, ReadOnlySpan<byte> addedTerminator, long line)
    {
        Matched++;
        MatchedBytes += row.Length + addedTerminator.Length;
    }

    public void OnMalformed(long line, MalformedKind kind, string reason) => Malformed++;

    public void OnWarning(string text)
    {
    }

    public void OnBlock(long bytesSoFar, long rowsSoFar, long matchedSoFar)
    {
    }
}
