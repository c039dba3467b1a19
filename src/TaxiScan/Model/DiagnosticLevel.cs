namespace TaxiScan.Model;

/// <summary>How bad a diagnostic (a problem a worker reports in a unit) is.</summary>
internal enum DiagnosticLevel : byte
{
    /// <summary>Reported; the run's exit code is unchanged (e.g. a malformed row).</summary>
    Warning = 0,

    /// <summary>Reported; the run exits 2 (e.g. an unreadable file).</summary>
    Error = 1,

    /// <summary>Logged at verbose level (e.g. a file's detected dialect).</summary>
    Info = 2,
}
