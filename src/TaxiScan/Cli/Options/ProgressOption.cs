using System.CommandLine;
using TaxiScan.Model;

namespace TaxiScan.Cli.Options;

/// <summary>
/// <c>--progress auto|always|never</c>, any case. Enum.TryParse alone would also take "1" or "0,2":
/// numbers are refused, so only the three words are accepted.
/// </summary>
internal sealed class ProgressOption : Option<ProgressMode>
{
    public ProgressOption()
        : base("--progress")
    {
        Description = "Progress bars: auto (when stderr is a terminal), always, never.";
        HelpName = "auto|always|never";
        DefaultValueFactory = _ => ProgressMode.Auto;
        CustomParser = result =>
        {
            var mode = Parse(result.Tokens.Count > 0 ? result.Tokens[^1].Value : "auto", out var error);
            if (error is not null)
            {
                result.AddError(error);
            }

            return mode;
        };
        CompletionSources.Clear();
        CompletionSources.Add("auto", "always", "never");
    }

    /// <summary>The mode <paramref name="text"/> names; on a bad value, auto and the error.</summary>
    public static ProgressMode Parse(string text, out string? error)
    {
        error = null;
        if (text.Length > 0 && !char.IsDigit(text[0]) && Enum.TryParse<ProgressMode>(text, ignoreCase: true, out var mode) && Enum.IsDefined(mode))
        {
            return mode;
        }

        error = $"--progress must be auto, always or never, not '{text}'";
        return ProgressMode.Auto;
    }
}
