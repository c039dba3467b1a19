using TaxiScan.Discovery;
using TaxiScan.Model;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Unit.Discovery;

public class OutputClaimsTests
{
    [Fact]
    public void An_output_named_as_an_input_is_refused_without_a_discovery()
    {
        using var dir = new TempDir();
        var data = dir.Create("a.csv", "1,a\n");

        var discovery = OutputClaims.DiscoverInputs(Options([data], output: data), out var refusal);

        Assert.Null(discovery);
        Assert.Equal($"{data}: the output file is also an input; refusing to overwrite it", refusal);
    }

    [Fact]
    public void An_existing_file_a_walk_would_read_is_refused_with_the_globs_that_leave_it_out()
    {
        using var dir = new TempDir();
        dir.Create("d/a.csv", "1,a\n");
        var old = dir.Create("d/sub/rows.csv", "1,a\n");
        var walked = dir.Combine("d");

        OutputClaims.DiscoverInputs(Options([walked], stats: old), out var refusal);
        OutputClaims.DiscoverInputs(Options([walked], logFile: old) with { Globs = ["*.csv"] }, out var withGlobs);

        Assert.Equal($"--stats {old}: is also an input (the directory walk reads {Path.Join(walked, "sub", "rows.csv")}); refusing to overwrite it: " +
                     "write it elsewhere, or leave it out with --glob '!sub/rows.csv' next to a --glob for the files to read", refusal);
        Assert.Equal($"--log-file {old}: is also an input (the directory walk reads {Path.Join(walked, "sub", "rows.csv")}); refusing to append the log to it: " +
                     "write it elsewhere, or leave it out with --glob '!sub/rows.csv'", withGlobs);
    }

    [Fact]
    public void A_new_output_inside_a_walked_directory_is_allowed_and_not_an_input()
    {
        using var dir = new TempDir();
        var data = dir.Create("d/a.csv", "1,a\n");

        var discovery = OutputClaims.DiscoverInputs(Options([dir.Combine("d")], output: dir.Combine("d", "rows.csv"), logFile: dir.Combine("d", "run.log.txt")), out var refusal);

        Assert.Null(refusal);
        Assert.NotNull(discovery);
        Assert.Equal([data], discovery.Units.Select(unit => unit.Path));
    }

    [Theory]
    [InlineData("out.csv", "./out.csv", null, "--stats ./out.csv: is also the --output file")]
    [InlineData("out.csv", null, "out.csv", "--log-file out.csv: is also the --output file")]
    [InlineData(null, "run.json", "x/../run.json", "--log-file x/../run.json: is also the --stats file")]
    public void Two_outputs_naming_one_file_are_refused(string? output, string? stats, string? logFile, string expected)
    {
        using var dir = new TempDir();
        var data = dir.Create("a.csv", "1,a\n");
        OutputClaims.DiscoverInputs(Options([data], output, stats, logFile), out var refusal);

        Assert.Equal(expected, refusal);
    }

    [Fact]
    public void Devices_are_written_through_so_outputs_may_share_one()
    {
        using var dir = new TempDir();
        var data = dir.Create("a.csv", "1,a\n");

        var discovery = OutputClaims.DiscoverInputs(Options([data], output: "/dev/null", stats: "-", logFile: "/dev/null"), out var refusal);

        Assert.Null(refusal);
        Assert.NotNull(discovery);
    }

    [Fact]
    public void A_bad_glob_is_refused_before_anything_is_written()
    {
        using var dir = new TempDir();

        var discovery = OutputClaims.DiscoverInputs(Options([dir.Path]) with { Globs = ["data/"] }, out var refusal);

        Assert.Null(discovery);
        Assert.StartsWith("--glob: ", refusal, StringComparison.Ordinal);
    }

    private static ScanOptions Options(string[] paths, string? output = null, string? stats = null, string? logFile = null) => new()
    {
        Paths = paths,
        Match = new MatchSpec { Ids = ["1"] },
        Workers = 1,
        OutputPath = output,
        StatsPath = stats,
        LogFilePath = logFile,
    };
}
