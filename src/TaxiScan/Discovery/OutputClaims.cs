using TaxiScan.IO;
using TaxiScan.Model;
using TaxiScan.Platform;

namespace TaxiScan.Discovery;

/// <summary>
/// The same-file rule, decided once before anything is scanned or written: the files a run writes
/// (<c>-o</c>, <c>--stats</c>, <c>--log-file</c>) must not name an input, nor each other. An input is a file
/// given on the command line or listed by <c>--files-from</c>, or an existing file that a walked directory
/// would read: a data file there or a previous run's output, which taxiscan cannot tell apart, so it
/// refuses both and says how to write elsewhere or leave the file out. A new output inside a scanned
/// directory is fine: the walk has run before it exists, and never reads it. Two paths name one file as
/// <see cref="FileKey"/> says (a symlink, a hard link, another spelling). A device or FIFO is written
/// through, never replaced, and is no claim.
/// </summary>
internal static class OutputClaims
{
    private sealed record Claim(string Option, string Path, FileKey Key);

    /// <summary>
    /// Runs the discovery of <paramref name="options"/>' inputs once, with its outputs left out, and checks
    /// the rule; the coordinator scans what it returns.
    /// </summary>
    /// <returns>The discovery, or null when <paramref name="refusal"/> is the one line (without the
    /// <c>taxiscan: </c> prefix) that ends the run with exit 2.</returns>
    public static InputDiscovery? DiscoverInputs(ScanOptions options, out string? refusal)
    {
        var claims = ClaimsOf(options);
        refusal = DirectoryAmong(claims) ?? ClashBetween(claims);
        if (refusal is not null)
        {
            return null;
        }

        InputDiscovery discovery;
        try
        {
            discovery = InputDiscovery.Run(options.Paths, claims.Select(claim => claim.Path), options.Globs);
        }
        catch (ArgumentException e)
        {
            refusal = $"--glob: {e.Message}";
            return null;
        }

        if (discovery.OutputsFound.Count > 0)
        {
            // The first output met, with every place it was met (a file and a link to it both need excluding).
            var output = discovery.OutputsFound[0].Output;
            refusal = InputRefusal(claims.First(claim => claim.Path == output), [.. discovery.OutputsFound.Where(found => found.Output == output)], options.Globs.Count > 0);
            return null;
        }

        return discovery;
    }

    // In command-line order of importance: a later claim is refused for naming an earlier one.
    private static List<Claim> ClaimsOf(ScanOptions options)
    {
        var claims = new List<Claim>();
        Add("-o", options.OutputPath);
        Add("--stats", options.StatsPath is "-" ? null : options.StatsPath); // '-' is stderr
        Add("--log-file", options.LogFilePath);
        return claims;

        void Add(string option, string? path)
        {
            if (path is not null && !IsWrittenThrough(path))
            {
                claims.Add(new Claim(option, path, FileKey.For(path)));
            }
        }
    }

    // /dev/null, /dev/stderr, a FIFO: written through as a shell's > would, so nothing is replaced and
    // two outputs may share one (-o /dev/null --log-file /dev/null).
    private static bool IsWrittenThrough(string path) =>
        Path.Exists(path) && !Directory.Exists(path) && !Posix.IsRegularFile(path);

    // A directory cannot be written as a file: found only at the end of the scan (or, for --log-file, never:
    // the log was silently lost), so refused here, before anything is read.
    private static string? DirectoryAmong(List<Claim> claims) =>
        claims.FirstOrDefault(claim => Directory.Exists(claim.Path)) is { } directory
            ? $"{directory.Option} {directory.Path}: is a directory; name the file to write"
            : null;

    private static string? ClashBetween(List<Claim> claims)
    {
        for (var later = 1; later < claims.Count; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                if (claims[later].Key.IsSameFileAs(claims[earlier].Key))
                {
                    // -o X --log-file X would lose the log under the renamed output (or the rows under the log).
                    var other = claims[earlier].Option == "-o" ? "--output" : claims[earlier].Option;
                    return $"{claims[later].Option} {claims[later].Path}: is also the {other} file";
                }
            }
        }

        return null;
    }

    private static string InputRefusal(Claim claim, List<OutputAmongInputs> found, bool hasGlobs)
    {
        var what = claim.Option == "-o" ? $"{claim.Path}: the output file is also an input" : $"{claim.Option} {claim.Path}: is also an input";
        var refusing = claim.Option == "--log-file" ? "refusing to append the log to it" : "refusing to overwrite it";
        var walked = found.Where(place => place.RelativePath is not null).ToList();
        if (walked.Count < found.Count)
        {
            return $"{what}; {refusing}"; // named as an input: there is nothing to exclude, only another name to choose
        }

        // Any --glob replaces the default extensions, so exclusions alone would read every other file.
        var patterns = string.Join(' ', walked.Select(place => $"--glob '!{GlobLiteral(place.RelativePath!)}'"));
        var exclude = hasGlobs ? patterns : $"{patterns} next to a --glob for the files to read";
        return $"{what} (the directory walk reads {string.Join(", ", walked.Select(place => place.DisplayPath))}); {refusing}: " +
               $"write it elsewhere, or leave it out with {exclude}";
    }

    // The name as a pattern that matches only itself: GlobFilter's special characters behind a '\'.
    private static string GlobLiteral(string relativePath) =>
        string.Concat(relativePath.Select(c => c is '*' or '?' or '[' or '\\' ? $"\\{c}" : c.ToString()));
}
