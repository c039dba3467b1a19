using System.CommandLine;
using TaxiScan.Model;

namespace TaxiScan.Cli.Options;

/// <summary>
/// <c>--delimiter</c>, <c>-d</c>: one ASCII character or a name for it (tab, space, comma, semicolon, pipe).
/// Without it the delimiter is detected per file.
/// </summary>
internal sealed class DelimiterOption : Option<DelimiterChoice>
{
    public DelimiterOption()
        : base("--delimiter", "-d")
    {
        Description = "The field separator: one character, 'tab', or 'space' (runs of blanks). Default: detected per file.";
        HelpName = "CHAR";
        DefaultValueFactory = _ => DelimiterChoice.Auto;
        CustomParser = result =>
        {
            var choice = Parse(result.Tokens.Count > 0 ? result.Tokens[^1].Value : "", out var error);
            if (error is not null)
            {
                result.AddError(error);
            }

            return choice;
        };
        CompletionSources.Add("tab", "space", "comma", "semicolon", "pipe");
    }

    /// <summary>The delimiter <paramref name="text"/> names; on a bad value, detection and the error.</summary>
    public static DelimiterChoice Parse(string text, out string? error)
    {
        error = null;
        switch (text.ToLowerInvariant())
        {
            case "tab" or "\\t" or "\t":
                return DelimiterChoice.Of((byte)'\t');
            case "space" or " ":
                // One space and "space" mean the same: fields separated by runs of blanks, as space-aligned
                // files (cabspotting) are written. An empty field cannot be expressed that way, and is not needed.
                return DelimiterChoice.SpaceRuns;
            case "comma":
                return DelimiterChoice.Of((byte)',');
            case "semicolon":
                return DelimiterChoice.Of((byte)';');
            case "pipe":
                return DelimiterChoice.Of((byte)'|');
        }

        // A quote cannot separate fields of a quoted CSV, and a line break ends the row before any field.
        if (text.Length == 1 && text[0] < 128 && text[0] is not ('"' or '\n' or '\r'))
        {
            return DelimiterChoice.Of((byte)text[0]);
        }

        error = $"--delimiter must be one ASCII character (not a quote or a line break), 'tab' or 'space', not '{text}'";
        return DelimiterChoice.Auto;
    }
}
