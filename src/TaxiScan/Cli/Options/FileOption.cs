using System.CommandLine;

namespace TaxiScan.Cli.Options;

/// <summary>
/// An option that names a file to write (<c>-o</c>, <c>--stats</c>, <c>--log-file</c>): the name may not be
/// empty. An empty one (<c>-o "$OUT"</c> with OUT unset) used to reach the file system and come back as
/// .NET's "The value cannot be an empty string. (Parameter 'path')".
/// </summary>
internal sealed class FileOption : Option<string?>
{
    public FileOption(string name, params string[] aliases)
        : base(name, aliases)
    {
        HelpName = "FILE";
        Validators.Add(result => LastToken.Check(result, text => Check(name, text)));
    }

    /// <summary>The error for a file name given to <paramref name="what"/>, or null when it is not empty.</summary>
    public static string? Check(string what, string text) =>
        string.IsNullOrWhiteSpace(text) ? $"{what} needs a file name, not an empty string" : null;
}
