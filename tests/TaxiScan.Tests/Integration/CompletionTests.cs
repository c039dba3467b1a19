using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>
/// <c>taxiscan completion</c> and the <c>[suggest:N]</c> directive behind it: the bash script is sourced in a real
/// bash with the built taxiscan first on PATH, and its completion function is called as bash calls it on TAB.
/// </summary>
public class CompletionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // What bash does on TAB, without a terminal: the COMP_* variables for the line with the cursor at its end,
    // then the function `complete -p taxiscan` names, with the command, the word and the word before it.
    private const string PressTab =
        """
        source <(taxiscan completion bash)
        spec=$(complete -p taxiscan)
        function=${spec#*-F }
        function=${function%% *}
        COMP_LINE=$1
        COMP_POINT=${#COMP_LINE}
        read -ra COMP_WORDS <<< "$COMP_LINE"
        if [[ $COMP_LINE == *' ' ]]; then COMP_WORDS+=(''); fi
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        "$function" taxiscan "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        for reply in "${COMPREPLY[@]}"; do printf '%s\n' "$reply"; done
        """;

    [Theory]
    [InlineData("taxiscan find --wo", "--workers\n")]
    [InlineData("taxiscan fi", "find\n")]
    [InlineData("taxiscan find --id 11865 --wo", "--workers\n")]          // after an option with its value
    [InlineData("taxiscan find --numeric --wo", "--workers\n")]           // after a flag
    [InlineData("taxiscan find --id 11865 samples/ --wo", "--workers\n")] // after a path
    [InlineData("taxiscan find -w 2 --wo", "")]                            // given already, and not repeatable
    [InlineData("taxiscan ", "completion\nfind\nmerge\n")]                        // no hidden worker; options after a '-'
    [InlineData("taxiscan completion ", "bash\nfish\nzsh\n")]
    [InlineData("taxiscan find --progress n", "never\n")]
    [InlineData("taxiscan find --encoding gb", "gb18030\ngb2312\ngbk\n")]
    [InlineData("taxiscan find -d s", "semicolon\nspace\n")]
    [InlineData("taxiscan find --id 11865 sam", "")]                       // a path: left to bash's file names
    public void Tab_in_bash_completes_from_the_suggest_directive(string line, string expected)
    {
        using var dir = new TempDir();

        var result = TaxiScanRun.RunProgram(dir.Path, TaxiScanRun.WithOnPath(TaxiScanRun.BinaryDirectory), Timeout, "bash", "-c", PressTab, "bash", line);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(expected == result.StdoutText, result.ToString());
        Assert.True(result.Stderr.Length == 0, result.ToString());
    }

    [Fact]
    public void The_bash_script_registers_its_function_for_taxiscan_with_file_names_as_the_fallback()
    {
        using var dir = new TempDir();

        var result = TaxiScanRun.RunProgram(dir.Path, TaxiScanRun.WithOnPath(TaxiScanRun.BinaryDirectory), Timeout,
            "bash", "-c", "source <(taxiscan completion bash) && complete -p taxiscan");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("complete -o default -F _taxiscan_complete taxiscan\n", result.StdoutText);
    }

    [Theory]
    [InlineData("taxiscan find --wo", "--workers\n")]
    [InlineData("taxiscan __w", "")]
    [InlineData("taxiscan find -c ", "")]
    [InlineData("taxiscan find --id 11865 --wo", "--workers\n")]
    [InlineData("taxiscan find --numeric --wo", "--workers\n")]
    public void The_suggest_directive_prints_one_completion_per_line_and_exits_0(string line, string expected)
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, $"[suggest:{line.Length}]", line);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, result.StdoutText);
        Assert.Empty(result.Stderr);
    }

    [Theory]
    [InlineData("bash", "# taxiscan completion for bash", "complete -o default -F _taxiscan_complete taxiscan\n")]
    [InlineData("zsh", "#compdef taxiscan\n", "    compdef _taxiscan taxiscan\nfi\n")]
    [InlineData("fish", "# taxiscan completion for fish", "complete -c taxiscan -f -a '(__taxiscan_complete)'\n")]
    public void Each_script_is_printed_on_stdout_and_calls_the_suggest_directive(string shell, string start, string end)
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, "completion", shell);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith(start, result.StdoutText, StringComparison.Ordinal);
        Assert.EndsWith(end, result.StdoutText, StringComparison.Ordinal);
        Assert.Contains("taxiscan \"[suggest:", result.StdoutText, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Theory]
    [InlineData("powershell")]
    [InlineData("BASH")]
    public void An_unknown_shell_is_one_line_on_stderr_and_exit_2(string shell)
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, "completion", shell);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal(
            $"taxiscan: Argument '{shell}' not recognized. Must be one of: 'bash' 'zsh' 'fish' (see 'taxiscan completion --help')\n",
            result.Stderr);
    }

    [Fact]
    public void A_missing_shell_is_one_line_on_stderr_and_exit_2()
    {
        var result = TaxiScanRun.Run(RepoPaths.Root, "completion");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal("taxiscan: Required argument 'SHELL' missing for command: 'completion'. (see 'taxiscan completion --help')\n", result.Stderr);
    }
}
