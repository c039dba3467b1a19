
namespace TaxiScan.Model;

/// <summary>
/// A unit's malformed rows by kind, as its worker counted them. The coordinator sums them per file (a
/// file cut into byte ranges has one count per range) and writes one line per file for the rows that
/// were not reported one by one.
/// </summary>
internal readonly record struct MalformedCounts(long NoDelimiter, long ShortRow, long BadQuoting, long Binary, long TooLong)
{
    /// <summary>Malformed rows reported one by one per file and kind; the rest are only counted.</summary>
    public const int ReportedPerKind = 3;

    public long this[MalformedKind kind] => kind switch
    {
        MalformedKind.NoDelimiter => NoDelimiter,
        MalformedKind.ShortRow => ShortRow,
        MalformedKind.UnterminatedQuote => BadQuoting,
        MalformedKind.Binary => Binary,
        _ => TooLong,
    };

    public long Total => NoDelimiter + ShortRow + BadQuoting + Binary + TooLong;

    public static MalformedCounts From(ReadOnlySpan<long> byKind) => new(byKind[0], byKind[1], byKind[2], byKind[3], byKind[4]);

    public MalformedCounts Add(MalformedCounts other) => new(
        NoDelimiter + other.NoDelimiter, ShortRow + other.ShortRow, BadQuoting + other.BadQuoting, Binary + other.Binary, TooLong + other.TooLong);

    /// <summary>The closing line for a file whose malformed rows were not all reported one by one; null when they were.</summary>
    public string? Summary()
    {
        var counts = this;
        var kinds = Enum.GetValues<MalformedKind>();
        var unreported = kinds.Sum(kind => Math.Max(0, counts[kind] - ReportedPerKind));
        if (unreported == 0)
        {
            return null;
        }

        var parts = string.Join(", ", kinds.Where(kind => counts[kind] > 0).Select(kind => $"{counts[kind]} {Name(kind)}"));
        return $"{Total} malformed rows in all ({parts}); {unreported} not shown";
    }

    private static string Name(MalformedKind kind) => kind switch
    {
        MalformedKind.NoDelimiter => "without a delimiter",
        MalformedKind.ShortRow => "short",
        MalformedKind.UnterminatedQuote => "with bad quoting",
        MalformedKind.Binary => "with NUL bytes",
        _ => "too long",
    };
}
