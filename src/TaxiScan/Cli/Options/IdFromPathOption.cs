using System.CommandLine;
using System.Text.RegularExpressions;

namespace TaxiScan.Cli.Options;

/// <summary>
/// <c>--id-from-path</c>: a regular expression whose first group is the id in a file's path. A pattern
/// without a group is refused: it could only ever select every file or none.
/// </summary>
internal sealed class IdFromPathOption : Option<string?>
{
    public IdFromPathOption()
        : base("--id-from-path")
    {
        Description = "The id is in the file's path, not in its rows: the first group of REGEX; matching files are printed whole.";
        HelpName = "REGEX";
        Validators.Add(result => LastToken.Check(result, Check));
    }

    /// <summary>The error for a pattern, or null when it compiles and has a capture group.</summary>
    public static string? Check(string pattern)
    {
        try
        {
            return new Regex(pattern).GetGroupNumbers().Length < 2
                ? $"--id-from-path '{pattern}' needs a capture group: the id is what its first group matches"
                : null;
        }
        catch (ArgumentException e)
        {
            return $"--id-from-path '{pattern}' is not a valid regular expression: {e.Message}";
        }
    }
}
