using System.Text;
using System.Text.RegularExpressions;
using TaxiScan.Cli;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>
/// Issue 6, part 5: the documentation cannot drift from the program. Every <c>$ command</c> of a
/// <c>console</c> block in the README is run (in <c>sh</c>, from the repository root, with the built
/// taxiscan first on PATH) and must print exactly the lines under it; every <c>taxiscan find</c> command
/// in the README and in <c>find --help</c>'s examples must be accepted by the real parser.
/// </summary>
public partial class DocumentationTests
{
    private static string Readme => File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    public static TheoryData<string, string> ConsoleExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (Match block in ConsoleBlock().Matches(Readme))
        {
            string? command = null;
            var output = new StringBuilder();
            foreach (var line in block.Groups[1].Value.TrimEnd('\n').Split('\n'))
            {
                if (line.StartsWith("$ ", StringComparison.Ordinal))
                {
                    if (command is not null)
                    {
                        data.Add(command, output.ToString());
                    }

                    command = line[2..];
                    output.Clear();
                }
                else if (command is not null)
                {
                    output.Append(line).Append('\n');
                }
            }

            if (command is not null)
            {
                data.Add(command, output.ToString());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ConsoleExamples))]
    public void Each_readme_console_example_prints_exactly_what_the_readme_shows(string command, string expected)
    {
        var result = ProcessRun.Run(RepoPaths.Root, ProcessRun.WithOnPath(ProcessRun.TaxiScanDirectory), TaxiScanRun.DefaultTimeout, "sh", "-c", command);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, result.StdoutText);
    }

    [Fact]
    public void The_readme_has_console_examples_to_run()
    {
        Assert.True(ConsoleExamples().Count >= 6, "the README's console examples were not found: is the block still ```console?");
    }

    public static TheoryData<string> DocumentedCommands()
    {
        var data = new TheoryData<string>();
        var lines = Readme.Split('\n').Concat(FindCommand.Examples.Split('\n'));
        foreach (var line in lines.Select(line => line.Trim()).Distinct())
        {
            var at = line.IndexOf("taxiscan find ", StringComparison.Ordinal);
            if (at >= 0 && !line.Contains("...", StringComparison.Ordinal) && !line.Contains('`', StringComparison.Ordinal))
            {
                var command = CommandEnd().Split(line[at..])[0];
                if (command != "taxiscan find")
                {
                    data.Add(command); // not the architecture diagram's label
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedCommands))]
    public void Each_documented_find_command_is_accepted_by_the_parser(string command)
    {
        var arguments = ShellWords(command).Skip(1).ToArray(); // without "taxiscan"

        var result = new TaxiScanCommand().Parse(arguments);

        Assert.True(result.Errors.Count == 0, $"{command}: {string.Join("; ", result.Errors.Select(error => error.Message))}");
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

    [GeneratedRegex(@"```console\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ConsoleBlock();

    // Where a documented command ends: a pipe, a redirection, &&, ;, or two spaces before a comment.
    [GeneratedRegex(@" \| | > | && |; |  +| #")]
    private static partial Regex CommandEnd();
}
