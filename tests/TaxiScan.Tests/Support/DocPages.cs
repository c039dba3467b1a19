using System.Text;
using System.Text.RegularExpressions;

namespace TaxiScan.Tests.Support;

/// <summary>One <c>$ command</c> of a page's <c>console</c> block and the lines printed under it.</summary>
internal sealed record ConsoleExample(int Line, string Command, string ExpectedStdout);

/// <summary>
/// The documentation pages, read as the documentation tests need them: the README and every page of
/// <c>docs/</c>, their <c>console</c> examples, their relative links and the anchors of their headings
/// (as GitHub makes them). Lines inside fenced code blocks are never links or headings.
/// </summary>
internal static partial class DocPages
{
    /// <summary>The pages, as paths relative to the repository root: the README first, then docs/ in ordinal order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "README.md",
        .. Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md")
            .Select(path => "docs/" + Path.GetFileName(path))
            .Order(StringComparer.Ordinal),
    ];

    public static string[] Lines(string page) =>
        File.ReadAllText(Path.Combine(RepoPaths.Root, page)).Split('\n');

    /// <summary>Every <c>$ command</c> of the page's <c>```console</c> blocks, with its 1-based line number.</summary>
    public static List<ConsoleExample> ConsoleExamples(string page)
    {
        var examples = new List<ConsoleExample>();
        var inConsole = false;
        (int Line, string Command)? current = null;
        var output = new StringBuilder();
        var lines = Lines(page);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!inConsole)
            {
                inConsole = line == "```console";
                continue;
            }

            if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("$ ", StringComparison.Ordinal))
            {
                if (current is { } done)
                {
                    examples.Add(new ConsoleExample(done.Line, done.Command, output.ToString()));
                }

                current = line.StartsWith("$ ", StringComparison.Ordinal) ? (i + 1, line[2..]) : null;
                output.Clear();
                inConsole = !line.StartsWith("```", StringComparison.Ordinal);
            }
            else if (current is not null)
            {
                output.Append(line).Append('\n');
            }
        }

        return examples;
    }

    /// <summary>The page's lines that are prose (outside fenced code blocks), with their 1-based numbers.</summary>
    public static IEnumerable<(int Line, string Text)> ProseLines(string page)
    {
        var inFence = false;
        var lines = Lines(page);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (!inFence)
            {
                yield return (i + 1, lines[i]);
            }
        }
    }

    /// <summary>The targets of the page's markdown links that are not web addresses: <c>guide.md#options</c>, <c>#output</c>, <c>../bench/README.md</c>.</summary>
    public static IEnumerable<(int Line, string Target)> RelativeLinks(string page) =>
        from line in ProseLines(page)
        from Match link in MarkdownLink().Matches(line.Text)
        let target = link.Groups[1].Value
        where !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal)
        select (line.Line, target);

    /// <summary>The anchors GitHub gives the page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered.</summary>
    public static HashSet<string> Anchors(string page)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, text) in ProseLines(page))
        {
            var heading = Heading().Match(text);
            if (!heading.Success)
            {
                continue;
            }

            var slug = Slug(heading.Groups[1].Value);
            var unique = slug;
            for (var n = 1; !anchors.Add(unique); n++)
            {
                unique = $"{slug}-{n}";
            }
        }

        return anchors;
    }

    public static string Slug(string heading)
    {
        var slug = new StringBuilder();
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    // [text](target) or [text](target "title"); the text may hold inline code.
    [GeneratedRegex(@"\[[^\]]*\]\(([^)\s]+)(?: ""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^#{1,6} +(.*?) *#*$")]
    private static partial Regex Heading();
}
