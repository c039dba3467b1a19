namespace TaxiScan.Model;

/// <summary>How a unit ended, as its worker reports it when the unit is done.</summary>
internal enum UnitStatus : byte
{
    /// <summary>Read to its end; its rows are complete.</summary>
    Complete = 0,

    /// <summary>Could not be read (or not to its end); its rows are discarded and an error diagnostic says why.</summary>
    Failed = 1,

    /// <summary>
    /// A byte range that holds a double quote: a quoted field may hold line breaks, so the range's cut
    /// may not fall between rows. Its rows are discarded; the coordinator has the file read on from a
    /// safe cut instead.
    /// </summary>
    QuoteInRange = 2,
}
