namespace TaxiScan.Cli;

/// <summary>
/// The shell completion scripts that <c>taxiscan completion SHELL</c> prints. Each one only asks taxiscan,
/// through the <c>[suggest:N]</c> directive (<see cref="SuggestAction"/>), what may stand at the cursor, so the
/// scripts never go stale when options change. Every script offers option names once a '-' is typed, and
/// leaves other words to the shell's file name completion when taxiscan has nothing to offer (a PATH, -o FILE).
/// </summary>
internal static class CompletionScripts
{
    public static readonly string[] Shells = ["bash", "zsh", "fish"];

    public static string For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "fish" => Fish,
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "no completion script for this shell"),
    };

    // COMP_POINT counts characters (not bytes) in bash 5, as System.CommandLine counts the line's UTF-16 units;
    // the two differ only for characters outside the BMP. Matching ignores case: --progress values are Auto etc.
    private const string Bash =
        """
        # taxiscan completion for bash (4 or later). Enable it with this line in ~/.bashrc:
        #     source <(taxiscan completion bash)
        # Every TAB asks taxiscan itself what may follow, through its [suggest:N] directive.
        _taxiscan_complete() {
            local word=${COMP_WORDS[COMP_CWORD]} candidate
            COMPREPLY=()
            while IFS= read -r candidate; do
                # Option names once a '-' is typed; other words are paths or values.
                if [[ ${candidate,,} == "${word,,}"* && ( $candidate != -* || $word == -* ) ]]; then
                    COMPREPLY+=("$candidate")
                fi
            done < <(taxiscan "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)
        }
        # -o default: when taxiscan offers nothing (a PATH, -o FILE), bash completes file names.
        complete -o default -F _taxiscan_complete taxiscan

        """;

    // Run as an autoloaded function (the file _taxiscan on $fpath), $funcstack[1] is _taxiscan: complete now.
    // Sourced, it only registers the function.
    private const string Zsh =
        """
        #compdef taxiscan
        # taxiscan completion for zsh. Enable it with this line in ~/.zshrc, after compinit:
        #     source <(taxiscan completion zsh)
        # or save this output as _taxiscan in a directory on $fpath.
        # Every TAB asks taxiscan itself what may follow, through its [suggest:N] directive.
        _taxiscan() {
            local line="${(j: :)words[1,CURRENT-1]} ${PREFIX}"
            local -a candidates
            candidates=(${(f)"$(taxiscan "[suggest:${#line}]" "$line" 2>/dev/null)"})
            # Option names once a '-' is typed; other words are paths or values.
            [[ $PREFIX == -* ]] || candidates=(${candidates:#-*})
            if (( ${#candidates} )); then
                compadd -a candidates
            else
                _files
            fi
        }
        if [[ ${funcstack[1]} == _taxiscan ]]; then
            _taxiscan "$@"
        else
            compdef _taxiscan taxiscan
        fi

        """;

    // string match with no string arguments reads stdin: only filter when there is something to filter.
    private const string Fish =
        """
        # taxiscan completion for fish. Enable it with:
        #     taxiscan completion fish > ~/.config/fish/completions/taxiscan.fish
        # Every TAB asks taxiscan itself what may follow, through its [suggest:N] directive.
        function __taxiscan_complete
            set -l line (commandline -cp)
            set -l word (commandline -ct)
            set -l candidates (taxiscan "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null)
            # Option names once a '-' is typed; other words are paths or values.
            if set -q candidates[1]; and not string match -q -- '-*' "$word"
                set candidates (string match -v -- '-*' $candidates)
            end
            if set -q candidates[1]
                printf '%s\n' $candidates
            else
                __fish_complete_path "$word"
            end
        end
        complete -c taxiscan -f -a '(__taxiscan_complete)'

        """;
}
