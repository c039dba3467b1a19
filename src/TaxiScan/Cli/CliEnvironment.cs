using TaxiScan.Discovery;

namespace TaxiScan.Cli;

/// <summary>
/// What <see cref="ScanOptionsBuilder"/> reads beyond the command line: environment variables (for
/// <c>--shard auto</c>), the <c>--ids-file</c> bytes and the <c>--files-from</c> list. Injected so that the
/// builder is tested with fakes; <see cref="Current"/> is this process's.
/// </summary>
/// <param name="Variable">An environment variable, or null when unset.</param>
/// <param name="ReadAllBytes">A whole file; throws IOException (or UnauthorizedAccessException) when it cannot be read.</param>
/// <param name="ReadPathList">A path list ('-': standard input), NUL-separated when asked; throws IOException.</param>
internal sealed record CliEnvironment(
    Func<string, string?> Variable,
    Func<string, byte[]> ReadAllBytes,
    Func<string, bool, IReadOnlyList<string>> ReadPathList)
{
    public static CliEnvironment Current { get; } = new(Environment.GetEnvironmentVariable, File.ReadAllBytes, PathListReader.ReadFile);
}
