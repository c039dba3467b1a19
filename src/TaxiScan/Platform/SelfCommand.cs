namespace TaxiScan.Platform;

/// <summary>
/// The one place that knows how to start this same program again, whichever way it was started: the apphost
/// (also under <c>dotnet run</c>) or a single-file/NativeAOT binary is run directly; under
/// <c>dotnet taxiscan.dll</c> the running executable is the dotnet muxer, which must be handed the assembly.
/// </summary>
/// <param name="FileName">The executable to start.</param>
/// <param name="LeadingArguments">What goes before this program's own arguments (the assembly, for the muxer).</param>
internal sealed record SelfCommand(string FileName, IReadOnlyList<string> LeadingArguments)
{
    /// <summary>The assembly the muxer runs, beside the program's other files.</summary>
    public const string AssemblyFileName = "taxiscan.dll";

    /// <summary>How to start the running program.</summary>
    /// <exception cref="InvalidOperationException">The runtime cannot say which executable is running.</exception>
    public static SelfCommand Current() =>
        For(Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which executable is running"), AppContext.BaseDirectory);

    /// <summary>How to start a program whose process is <paramref name="processPath"/> and whose files are in <paramref name="baseDirectory"/>.</summary>
    public static SelfCommand For(string processPath, string baseDirectory) =>
        // (Assembly.Location is empty under NativeAOT, but then the process path is the binary itself.)
        Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? new SelfCommand(processPath, [Path.Combine(baseDirectory, AssemblyFileName)])
            : new SelfCommand(processPath, []);
}
