using System.Text;
using TaxiScan.Model;
using TaxiScan.Scanning;

namespace TaxiScan.Tests.Support;

/// <summary>An <see cref="IScanSink"/> that keeps what a scanner delivers: the matching rows' bytes, the header, the malformed rows.</summary>
internal sealed class RecordingSink : IScanSink
{
    public MemoryStream Rows { get; } = new();

    public string? Header { get; private set; }

    public List<(long Line, MalformedKind Kind)> Malformed { get; } = [];

    public void OnDialect(Dialect dialect)
    {
    }

    public void OnWarning(string text)
    {
    }

    public void OnHeader(ReadOnlySpan<byte> header, ReadOnlySpan<byte> addedTerminator)
    {
        Assert.Null(Header);
        Header = Encoding.UTF8.GetString([.. header, .. addedTerminator]);
    }

    public bool WantsLineNumbers => false;

    public bool IsSatisfied => false;

    public void OnMatch(ReadOnlySpan<byte> row, ReadOnlySpan<byte> addedTerminator, long line)
    {
        Rows.Write(row);
        Rows.Write(addedTerminator);
    }

    public void OnMalformed(long line, MalformedKind kind, string reason) => Malformed.Add((line, kind));

    public void OnBlock(long bytesSoFar, long rowsSoFar, long matchedSoFar)
    {
    }
}
