using System.Text;
using System.Text.RegularExpressions;
using TaxiScan.Cli;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>
/// Issue 6, part 5, and issue 13: the documentation cannot drift from the program. The pages are the
/// README and every page of <c>docs/</c> (<see cref="DocPages"/>). Every <c>$ command</c> of a
/// <c>console</c> block of every page is run (in <c>sh</c>, from the repository root, with the built
/// taxiscan first on PATH) and must print exactly the lines under it; every <c>taxiscan find</c> command
/// of every page and of <c>find --help</c>'s examples must be accepted by the real parser; every relative
/// link between the pages must lead to a file, and to a heading of it when it names one; every test
/// class a page names must exist. Each case carries its page and line, so no two cases are the same.
/// </summary>
public partial class DocumentationTests
{
    public static TheoryData<string, int, string, string> ConsoleExamples()
    {
        var data = new TheoryData<string, int, string, string>();
        foreach (var page in DocPages.Names)
        {
            foreach (var example in DocPages.ConsoleExamples(page))
            {
                data.Add(page, example.Line, example.Command, example.ExpectedStdout);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ConsoleExamples))]
    public void Each_console_example_prints_exactly_what_its_page_shows(string page, int line, string command, string expected)
    {
        var result = TaxiScanRun.RunProgram(RepoPaths.Root, TaxiScanRun.WithOnPath(TaxiScanRun.BinaryDirectory), TaxiScanRun.DefaultTimeout, "sh", "-c", command);

        Assert.True(result.ExitCode == 0, $"{page}:{line}\n{result}");
        Assert.Equal(expected, result.StdoutText);
    }

    [Fact]
    public void The_readme_has_console_examples_to_run()
    {
        Assert.True(DocPages.ConsoleExamples("README.md").Count >= 6, "the README's console examples were not found: is the block still ```console?");
    }

    [Fact]
    public void The_guide_has_console_examples_to_run()
    {
        Assert.True(DocPages.ConsoleExamples("docs/guide.md").Count >= 6, "the guide's console examples were not found: is the block still ```console?");
    }

    [Fact]
    public void The_readme_links_to_every_page_of_the_manual()
    {
        var links = DocPages.RelativeLinks("README.md").Select(link => link.Target.Split('#')[0]).ToHashSet(StringComparer.Ordinal);
        var pages = DocPages.Names.Where(page => page.StartsWith("docs/", StringComparison.Ordinal)).ToList();

        Assert.True(pages.Count >= 9, "docs/ pages not found: " + string.Join(", ", pages));
        Assert.All(pages, page => Assert.Contains(page, links));
    }

    public static TheoryData<string, int, string> DocumentedCommands()
    {
        var data = new TheoryData<string, int, string>();
        var sources = DocPages.Names.Select(page => (Source: page, Lines: DocPages.Lines(page)))
            .Append((Source: "find --help", Lines: FindCommand.Examples.Split('\n')));
        foreach (var (source, lines) in sources)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                var at = line.IndexOf("taxiscan find ", StringComparison.Ordinal);
                if (at >= 0 && !line.Contains("...", StringComparison.Ordinal) && !line.Contains('`', StringComparison.Ordinal))
                {
                    var command = CommandEnd().Split(line[at..])[0];
                    if (command != "taxiscan find")
                    {
                        data.Add(source, i + 1, command); // not a diagram's label
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedCommands))]
    public void Each_documented_find_command_is_accepted_by_the_parser(string source, int line, string command)
    {
        var arguments = ShellWords(command).Skip(1).ToArray(); // without "taxiscan"

        var result = new TaxiScanCommand().Parse(arguments);

        Assert.True(result.Errors.Count == 0, $"{source}:{line}: {command}: {string.Join("; ", result.Errors.Select(error => error.Message))}");
    }

    [Fact]
    public void The_pages_and_help_have_find_commands_to_parse()
    {
        var sources = DocumentedCommands().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);

        Assert.True(DocumentedCommands().Count >= 30, $"only {DocumentedCommands().Count} documented find commands were found");
        Assert.Contains("README.md", sources);
        Assert.Contains("docs/guide.md", sources);
        Assert.Contains("find --help", sources);
    }

    public static TheoryData<string, int, string> RelativeLinks()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var page in DocPages.Names)
        {
            foreach (var (line, target) in DocPages.RelativeLinks(page))
            {
                data.Add(page, line, target);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RelativeLinks))]
    public void Each_relative_link_leads_to_a_file_and_heading_that_exist(string page, int line, string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? target : target[..hash];
        var linked = path.Length == 0 ? page : Path.GetRelativePath(RepoPaths.Root, Path.GetFullPath(Path.Combine(RepoPaths.Root, Path.GetDirectoryName(page)!, path))).Replace('\\', '/');
        var full = Path.Combine(RepoPaths.Root, linked);

        Assert.True(File.Exists(full) || Directory.Exists(full), $"{page}:{line}: {target}: {linked} does not exist");
        if (hash >= 0)
        {
            var anchors = DocPages.Anchors(linked);
            Assert.True(anchors.Contains(target[(hash + 1)..]), $"{page}:{line}: {target}: {linked} has no heading for it; its anchors: {string.Join(", ", anchors.Order(StringComparer.Ordinal))}");
        }
    }

    [Fact]
    public void The_pages_have_links_to_check()
    {
        Assert.True(RelativeLinks().Count >= 40, $"only {RelativeLinks().Count} relative links were found");
    }

    [Theory]
    [InlineData("The JSON report (`--stats`)", "the-json-report---stats")]
    [InlineData("Counts, file lists and fields for scripts", "counts-file-lists-and-fields-for-scripts")]
    [InlineData("Set-up (a fresh machine with the .NET 10 SDK)", "set-up-a-fresh-machine-with-the-net-10-sdk")]
    [InlineData("Range (byte range)", "range-byte-range")]
    public void Anchors_are_made_as_github_makes_them(string heading, string anchor)
    {
        Assert.Equal(anchor, DocPages.Slug(heading));
    }

    public static TheoryData<string, string> NamedTestClasses()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in DocPages.Names)
        {
            var named = DocPages.ProseLines(page).SelectMany(line => TestClassName().Matches(line.Text)).Select(match => match.Groups[1].Value);
            foreach (var name in named.Distinct(StringComparer.Ordinal))
            {
                data.Add(page, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NamedTestClasses))]
    public void Each_test_class_a_page_names_exists(string page, string name)
    {
        var classes = typeof(DocumentationTests).Assembly.GetTypes().Select(type => type.Name);

        Assert.True(classes.Contains(name, StringComparer.Ordinal), $"{page} names {name}, which is not a test class of the suite");
    }

    [Fact]
    public void The_reliability_page_names_test_classes()
    {
        Assert.True(NamedTestClasses().Count(row => (string)row[0] == "docs/reliability.md") >= 10, "the Reliability table's test classes were not found");
    }

    [Fact]
    public void Help_shows_an_example_for_each_dataset_shape_and_the_output_modes()
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, "find", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var shape in new[] { "--id 11865 data/", "-c TAXI_ID porto/", "-d ';' rome/", "--id-from-path", "--encoding gbk", "--count", "-l", "-q" })
        {
            Assert.Contains(shape, result.StdoutText, StringComparison.Ordinal);
        }
    }

    // Words as sh splits them, for the simple quoting the documentation uses ('...' and "...").
    private static List<string> ShellWords(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in command)
        {
            if (quote is { } open)
            {
                if (c == open)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    // A test class named in inline code: `ProcessFaultTests`.
    [GeneratedRegex(@"`([A-Z][A-Za-z]*Tests)`")]
    private static partial Regex TestClassName();

    // Where a documented command ends: a pipe, a redirection, && or ||, ;, or two spaces before a comment.
    [GeneratedRegex(@" \| | > | && | \|\| |; |  +| #")]
    private static partial Regex CommandEnd();
}
