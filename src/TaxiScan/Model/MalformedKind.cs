namespace TaxiScan.Model;

/// <summary>What is wrong with a malformed row; each kind is reported a few times per file, then only counted.</summary>
internal enum MalformedKind : byte
{
    /// <summary>The row has no delimiter at all, so no id can be read from it.</summary>
    NoDelimiter = 0,

    /// <summary>Fewer fields than the id column needs, or a matching row with fewer fields than the file's rows have.</summary>
    ShortRow = 1,

    /// <summary>A quoted field that is not closed within a row's size limit or before the end of the file.</summary>
    UnterminatedQuote = 2,

    /// <summary>NUL bytes: binary data that only looks like a row.</summary>
    Binary = 3,

    /// <summary>A line longer than the longest row kept.</summary>
    TooLong = 4,
}
