using System.CommandLine.Parsing;

namespace TaxiScan.Cli.Options;

/// <summary>
/// CLI stage: how an option or argument checks its value as the user typed it. The rule gets the text, not
/// the parsed value, because GetValue throws (a stack trace out of Parse) when the text does not convert;
/// a repeated option counts as its last occurrence, as the parser takes it.
/// </summary>
internal static class LastToken
{
    /// <summary>Adds <paramref name="rule"/>'s error for the last token of <paramref name="result"/>, if it has one.</summary>
    public static void Check(SymbolResult result, Func<string, string?> rule)
    {
        if (result.Tokens.Count > 0 && rule(result.Tokens[^1].Value) is { } error)
        {
            result.AddError(error);
        }
    }
}
