namespace TaxiScan.Scanning;

/// <summary>
/// Scanning stage: how the scan of one unit ended. Both are normal outcomes; a unit that cannot be read
/// at all is an exception (<see cref="UnitRejectedException"/>, an I/O error), not one of these.
/// </summary>
internal enum ScanEnd
{
    /// <summary>The unit was read to its end (or until the sink had all the matches it wanted).</summary>
    Finished,

    /// <summary>
    /// A bounded byte range met a double quote: a quoted field may hold line breaks, so the range's cuts
    /// may not fall between rows. The rows sent so far are worthless; the coordinator has the file read
    /// on from a safe cut instead.
    /// </summary>
    QuoteInRange,
}
