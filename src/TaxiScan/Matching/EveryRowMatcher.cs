using TaxiScan.Model;

namespace TaxiScan.Matching;

/// <summary>
/// The matcher of a file selected whole by <c>--id-from-path</c>: the file's id is in its name, so every
/// data row matches (the header, if any, is still printed once at most and never counted).
/// </summary>
internal sealed class EveryRowMatcher : IRowMatcher
{
    public static readonly EveryRowMatcher Instance = new();

    public RowVerdict Classify(ReadOnlySpan<byte> row) => RowVerdict.Match;

    public (MalformedKind Kind, string Reason) Explain(ReadOnlySpan<byte> row) =>
        throw new InvalidOperationException("every row matches");
}
