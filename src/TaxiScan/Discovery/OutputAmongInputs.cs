namespace TaxiScan.Discovery;

/// <summary>
/// An output file (<c>-o</c>, <c>--stats</c>, <c>--log-file</c>) that the discovery met among the inputs, as
/// it already exists: named as an input, or a file that a walked directory would read. The discovery
/// leaves it out; <see cref="OutputClaims"/> refuses the run, since writing it would destroy an input.
/// </summary>
/// <param name="Output">The output's path as given on the command line.</param>
/// <param name="DisplayPath">The input as the run would show it (the walk's path for it, or the argument).</param>
/// <param name="RelativePath">Its path below the walked directory ('/'-separated, what <c>--glob</c> matches), or null when it was named as an input.</param>
internal sealed record OutputAmongInputs(string Output, string DisplayPath, string? RelativePath);
