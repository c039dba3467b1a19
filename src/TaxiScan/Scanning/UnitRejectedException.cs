namespace TaxiScan.Scanning;

/// <summary>
/// Scanning stage: a unit that cannot be searched at all (e.g. it has no column of the name asked for,
/// or it is UTF-16 text); the message says why, and the worker reports it as the unit's error.
/// </summary>
internal sealed class UnitRejectedException(string message) : Exception(message);
