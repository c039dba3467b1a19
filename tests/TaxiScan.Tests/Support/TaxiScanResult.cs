namespace TaxiScan.Tests.Support;

/// <summary>
/// The outcome of one run of the real binary; <see cref="RunTag"/> marks every process of that run, so
/// <see cref="LeftoverProcesses"/> can look for the ones still alive.
/// </summary>
internal sealed record TaxiScanResult(string Command, int ExitCode, byte[] Stdout, string Stderr, string RunTag, TimeSpan Elapsed = default)
    : ProcessResult(Command, ExitCode, Stdout, Stderr, Elapsed);
