using TaxiScan.Cli;

namespace TaxiScan.Tests.Unit.Cli;

public class FindValidationTests
{
    private readonly TaxiScanCommand _root = new();

    private string[] ErrorsOf(params string[] args) => [.. _root.Parse(["find", .. args]).Errors.Select(error => error.Message)];

    [Fact]
    public void A_plain_find_has_no_errors() => Assert.Empty(ErrorsOf("--id", "1", "data"));

    [Theory]
    [InlineData("--id or --ids-file is required", "data")]
    [InlineData("--header and --no-header contradict each other", "--id", "1", "--header", "--no-header", "data")]
    [InlineData("--count and --quiet are different outputs; choose one", "--id", "1", "-q", "-C", "data")]
    [InlineData("--line-number adds fields to rows, and --total prints no rows", "--id", "1", "--total", "-n", "data")]
    [InlineData("--with-filename adds fields to rows, and --count prints no rows", "--id", "1", "--count", "-H", "-n", "data")]
    [InlineData("--null separates the paths of --files-with-matches or --count; use it with one of them", "--id", "1", "--null", "data")]
    [InlineData("--quiet prints nothing, so --output would stay empty; drop one of them", "--id", "1", "-q", "-o", "x", "data")]
    [InlineData("--shard writes rows for 'taxiscan merge' to join; --total cannot be joined that way", "--id", "1", "--shard", "0/2", "--total", "data")]
    [InlineData("--slurm merges the shards into a file: give it with -o FILE", "--id", "1", "--slurm", "data")]
    [InlineData("--slurm chooses the shards itself; drop --shard", "--id", "1", "--slurm", "-o", "x", "--shard", "0/2", "data")]
    [InlineData("--shards must be 1 to 100000", "--id", "1", "--slurm", "-o", "x", "--shards", "0", "data")]
    [InlineData("--shards, --sbatch-arg and --resume go with --slurm", "--id", "1", "--resume", "data")]
    [InlineData("--shard-count is for --shard auto; with --shard K/N the N is given", "--id", "1", "--shard", "0/2", "--shard-count", "2", "data")]
    [InlineData("no inputs: give PATH arguments or --files-from FILE", "--id", "1")]
    [InlineData("--null-data needs --files-from: it says how that list is separated", "--id", "1", "--null-data", "data")]
    [InlineData("--files-from - reads the list from standard input, so '-' cannot also be an input", "--id", "1", "--files-from", "-", "-")]
    public void Each_broken_rule_is_one_error_with_its_exact_text(string expected, params string[] args) =>
        Assert.Equal([expected], ErrorsOf(args));

    [Fact]
    public void A_slurm_run_with_an_output_mode_is_refused_for_that_mode() =>
        Assert.Contains("--slurm writes rows to merge; --count cannot be merged that way", ErrorsOf("--id", "1", "--slurm", "-o", "x", "-C", "data"));
}
