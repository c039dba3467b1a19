namespace TaxiScan.Matching;

/// <summary>
/// What a row must satisfy, in a form that crosses to the workers unchanged: the ids and the dialect
/// facts needed to find the id field. Dialects (delimiters, quoting, header names, numeric ids) grow here
/// and in <see cref="RowMatcherFactory"/>, never in the process or pipe code.
/// </summary>
internal sealed record MatchSpec
{
    /// <summary>The ids to match, as text; a row matches when its id field equals one of them.</summary>
    public required IReadOnlyList<string> Ids { get; init; }

    /// <summary>The byte that separates fields. The id is the first field.</summary>
    public byte Delimiter { get; init; } = (byte)',';
}
