using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace TaxiScan.Cli;

/// <summary>
/// The action of the <c>[suggest:N]</c> directive: <c>taxiscan "[suggest:N]" "LINE"</c> prints what may stand
/// at position N of LINE, one completion per line. The scripts of <c>taxiscan completion</c> call it on every
/// TAB, so completion needs nothing but taxiscan itself (no dotnet-suggest).
/// </summary>
/// <remarks>
/// System.CommandLine's own action takes a word after a flag or after an option that already has its value
/// for that option's value: <c>find --numeric --wo</c> is offered True/False filtered by "--wo" (nothing), and
/// <c>find --id 11865 --wo</c> nothing at all. Here a word is an option's value only while the option just
/// before it still needs one; otherwise it is completed as a subcommand or option of the command, leaving out
/// the options already given that cannot be repeated.
/// </remarks>
internal sealed class SuggestAction(SuggestDirective directive) : SynchronousCommandLineAction
{
    // A half-typed line is full of parse errors (no PATH yet, a partial option): completion must not stop at them.
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        // As the directive is used: one argument after it, the whole line; N defaults to the end of the line.
        var line = parseResult.Tokens.LastOrDefault(token => token.Type != TokenType.Directive)?.Value ?? "";
        var position = parseResult.GetResult(directive)?.Values is [var value] && int.TryParse(value, out var at)
            ? Math.Clamp(at, 0, line.Length)
            : line.Length;
        var output = parseResult.InvocationConfiguration.Output;
        foreach (var completion in Complete(parseResult.RootCommandResult.Command, line, position))
        {
            output.WriteLine(completion);
        }

        return 0;
    }

    /// <summary>The completions of the word at <paramref name="position"/> in <paramref name="line"/>.</summary>
    public static IEnumerable<string> Complete(Command root, string line, int position)
    {
        // The word at the cursor, cut as System.CommandLine's completion context cuts it: between blanks.
        var start = position == 0 ? 0 : line.LastIndexOf(' ', position - 1) + 1;
        var end = line.IndexOf(' ', position);
        end = end < 0 ? line.Length : end;

        var whole = root.Parse(line);
        var context = whole.GetCompletionContext() is TextCompletionContext text ? text.AtCursorPosition(position) : whole.GetCompletionContext();

        // The option just before the word, if it still needs a value: the word is that value (-c <TAB>).
        var before = root.Parse(line[..start]);
        var lastToken = before.Tokens.LastOrDefault();
        var waiting = before.CommandResult.Children.OfType<OptionResult>().LastOrDefault(result =>
            !result.Implicit
            && result.Tokens.Count < result.Option.Arity.MinimumNumberOfValues
            && result.IdentifierToken is { } identifier && lastToken is not null && identifier.Value == lastToken.Value);
        if (waiting is not null)
        {
            return waiting.Option.GetCompletions(context).Select(Text);
        }

        // Otherwise a subcommand or an option of the command the rest of the line (without the word) is in.
        var rest = root.Parse(line[..start] + line[end..]).CommandResult;
        var givenOnce = rest.Children.OfType<OptionResult>()
            .Where(result => !result.Implicit && result.Option.Arity.MaximumNumberOfValues <= 1)
            .SelectMany(result => result.Option.Aliases.Append(result.Option.Name))
            .ToHashSet(StringComparer.Ordinal);

        // '/?' and '/h' are the help option's Windows spellings: noise in a Unix shell.
        return rest.Command.GetCompletions(context).Select(Text)
            .Where(completion => !givenOnce.Contains(completion) && !completion.StartsWith('/'));
    }

    private static string Text(CompletionItem item) => item.InsertText ?? item.Label;
}
