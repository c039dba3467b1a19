using System.CommandLine;
using TaxiScan.Model;

namespace TaxiScan.Cli.Options;

/// <summary>
/// <c>--encoding</c>: the input's text encoding, one of <see cref="TextEncodings.Supported"/> under any of
/// its spellings; <see cref="Canonical"/> gives the name the rest of the program uses.
/// </summary>
internal sealed class EncodingOption : Option<string>
{
    public EncodingOption()
        : base("--encoding")
    {
        Description = $"The input's text encoding, for non-ASCII ids and column names: {TextEncodings.Supported} (default: utf-8). Rows are printed as they are.";
        HelpName = "NAME";
        DefaultValueFactory = _ => TextEncodings.Utf8Name;
        Validators.Add(result => LastToken.Check(result, Check));
        CompletionSources.Add("utf-8", "gb2312", "gbk", "gb18030");
    }

    /// <summary>The error for an encoding name, or null when it is supported.</summary>
    public static string? Check(string name) =>
        TextEncodings.TryCanonicalName(name, out _) ? null : $"--encoding '{name}' is not supported; use one of {TextEncodings.Supported}";

    /// <summary>The canonical name of a validated value (utf-8 for anything else, which validation has refused).</summary>
    public static string Canonical(string? name) =>
        name is not null && TextEncodings.TryCanonicalName(name, out var canonical) ? canonical : TextEncodings.Utf8Name;
}
