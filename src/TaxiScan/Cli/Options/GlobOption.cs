using System.CommandLine;
using TaxiScan.Discovery;

namespace TaxiScan.Cli.Options;

/// <summary>
/// <c>--glob</c>, <c>-g</c>: repeatable file-name patterns ('!' excludes). They are compiled once here only
/// to report a bad pattern at parse time; discovery compiles them again for the run.
/// </summary>
internal sealed class GlobOption : Option<string[]>
{
    public GlobOption()
        : base("--glob", "-g")
    {
        Description = "Take the files in directories that match PATTERN ('!PATTERN' excludes); repeatable. Replaces the default extensions.";
        HelpName = "PATTERN";
        Arity = ArgumentArity.OneOrMore;
        Validators.Add(result =>
        {
            if (Check(result.Tokens.Select(token => token.Value)) is { } error)
            {
                result.AddError(error);
            }
        });
    }

    /// <summary>The error for a set of patterns, or null when every one compiles.</summary>
    public static string? Check(IEnumerable<string> patterns)
    {
        try
        {
            _ = GlobFilter.Create(patterns);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"--glob: {e.Message}";
        }
    }
}
