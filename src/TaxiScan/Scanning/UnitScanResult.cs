using TaxiScan.Model;

namespace TaxiScan.Scanning;

/// <summary>
/// Scanning stage: what <see cref="UnitScanner"/> returns for one unit, its counts and how the scan ended.
/// A quote met in a byte range is returned here rather than thrown: it happens on every quoted file that
/// was cut into ranges, and the worker answers it with a frame, not an error.
/// </summary>
internal readonly record struct UnitScanResult(UnitStats Stats, ScanEnd End)
{
    public bool QuoteInRange => End == ScanEnd.QuoteInRange;
}
