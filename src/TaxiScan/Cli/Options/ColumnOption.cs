using System.CommandLine;
using TaxiScan.Model;

namespace TaxiScan.Cli.Options;

/// <summary>
/// <c>--column</c>, <c>-c</c>: the id column, a 1-based number or a header name. All digits means a
/// number, so a header literally named "5" cannot be chosen by name; no data set has one.
/// </summary>
internal sealed class ColumnOption : Option<ColumnChoice>
{
    public ColumnOption()
        : base("--column", "-c")
    {
        Description = "The id column: a 1-based number or a header name (default: 1).";
        HelpName = "N|NAME";
        DefaultValueFactory = _ => ColumnChoice.First;
        CustomParser = result =>
        {
            var choice = Parse(result.Tokens.Count > 0 ? result.Tokens[^1].Value : "1", out var error);
            if (error is not null)
            {
                result.AddError(error);
            }

            return choice;
        };
    }

    /// <summary>The column <paramref name="text"/> names; on a bad value, the first column and the error.</summary>
    public static ColumnChoice Parse(string text, out string? error)
    {
        error = null;
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            if (int.TryParse(text, out var index) && index >= 1)
            {
                return new ColumnChoice(index, null);
            }

            error = $"--column numbers start at 1, not '{text}'";
            return ColumnChoice.First;
        }

        if (text.Trim().Length == 0)
        {
            error = "--column needs a number or a header name";
            return ColumnChoice.First;
        }

        return new ColumnChoice(0, text);
    }
}
