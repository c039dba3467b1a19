using System.CommandLine;
using TaxiScan.Model;

namespace TaxiScan.Cli.Options;

/// <summary>
/// <c>--output-encoding</c>: only utf-8 (under any spelling). Without it rows are printed byte for byte.
/// </summary>
internal sealed class OutputEncodingOption : Option<string?>
{
    public OutputEncodingOption()
        : base("--output-encoding")
    {
        Description = "Convert the printed rows to this encoding; only utf-8 (default: rows are printed byte for byte).";
        HelpName = "utf-8";
        Validators.Add(result => LastToken.Check(result, Check));
        CompletionSources.Add("utf-8");
    }

    /// <summary>The error for an output encoding name, or null when it names utf-8.</summary>
    public static string? Check(string name) =>
        TextEncodings.TryCanonicalName(name, out var canonical) && TextEncodings.IsUtf8(canonical)
            ? null
            : $"--output-encoding supports only utf-8, not '{name}'";
}
