using System.CommandLine;

namespace TaxiScan.Cli.Options;

/// <summary>
/// The <c>PATH</c> arguments of <c>find</c>: zero or more (PATH or <c>--files-from</c> is required, which
/// <see cref="FindValidation"/> checks), with misspelled options reported as such.
/// </summary>
internal sealed class PathsArgument : Argument<string[]>
{
    public PathsArgument()
        : base("PATH")
    {
        Description = "Files or directories to scan (directories recursively; .gz and .zip included); '-' is standard input. Optional with --files-from.";
        Arity = ArgumentArity.ZeroOrMore;
        Validators.Add(result =>
        {
            if (Check(result.Tokens.Select(token => token.Value), Path.Exists) is { } error)
            {
                result.AddError(error);
            }
        });
    }

    // Next to a variadic PATH argument, System.CommandLine takes a misspelled option (--wokers) for a
    // path. A "path" that starts with '-' and does not exist is reported as the unknown option it is.

    /// <summary>The error for the given paths, or null; <paramref name="exists"/> is the file system's answer.</summary>
    public static string? Check(IEnumerable<string> paths, Func<string, bool> exists) =>
        paths.FirstOrDefault(path => path.Length > 1 && path.StartsWith('-') && !exists(path)) is { } unknown
            ? $"unknown option '{unknown}'"
            : null;
}
