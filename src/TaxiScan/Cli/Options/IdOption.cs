using System.CommandLine;

namespace TaxiScan.Cli.Options;

/// <summary>
/// <c>--id</c>, <c>-i</c>: repeatable, each value one id or a comma list. A value that holds no id at all
/// (<c>--id ,</c>) is refused at parse time; splitting and de-duplicating is <see cref="IdList"/>'s work.
/// </summary>
internal sealed class IdOption : Option<string[]>
{
    public IdOption()
        : base("--id", "-i")
    {
        Description = "A vehicle id to match; repeat it or give a comma list (--id 1,2,3).";
        HelpName = "ID";
        Arity = ArgumentArity.OneOrMore;
        Validators.Add(result =>
        {
            if (result.Tokens.Select(token => Check(token.Value)).FirstOrDefault(error => error is not null) is { } error)
            {
                result.AddError(error);
            }
        });
    }

    /// <summary>The error for one <c>--id</c> value, or null when it holds at least one id.</summary>
    public static string? Check(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries).All(id => id.Length == 0) ? $"--id '{value}' holds no id" : null;
}
