using System.Text;
using TaxiScan.Cli;
using TaxiScan.Model;

namespace TaxiScan.Tests.Unit.Cli;

public class ScanOptionsBuilderTests
{
    private readonly TaxiScanCommand _root = new();
    private readonly Dictionary<string, string> _variables = [];
    private readonly Dictionary<string, byte[]> _files = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _lists = [];

    private ScanOptions Build(params string[] args)
    {
        var result = _root.Parse(["find", .. args]);
        Assert.Empty(result.Errors);
        var environment = new CliEnvironment(
            name => _variables.GetValueOrDefault(name),
            path => _files.TryGetValue(path, out var bytes) ? bytes : throw new FileNotFoundException($"no file {path}"),
            (path, nul) => _lists.TryGetValue($"{path}|{nul}", out var list) ? list : throw new IOException($"cannot read {path}"));
        return new ScanOptionsBuilder(_root.Find, environment).Build(result);
    }

    [Fact]
    public void The_ids_file_is_read_through_the_environment_and_added_after_the_given_ids()
    {
        _files["fleet.txt"] = Encoding.UTF8.GetBytes("# fleet\n7\n1\n");

        Assert.Equal(["1", "7"], Build("--id", "1", "--ids-file", "fleet.txt", "data").Match.Ids);
    }

    [Fact]
    public void An_unreadable_ids_file_is_an_io_error()
    {
        Assert.Throws<FileNotFoundException>(() => Build("--ids-file", "missing.txt", "data"));
    }

    [Fact]
    public void An_ids_file_without_ids_and_no_id_is_refused()
    {
        _files["empty.txt"] = Encoding.UTF8.GetBytes("# nothing\n");

        Assert.Equal("no ids to look for (--id or --ids-file)", Assert.Throws<ArgumentException>(() => Build("--ids-file", "empty.txt", "data")).Message);
    }

    [Fact]
    public void Listed_paths_come_after_the_path_arguments_in_list_order()
    {
        _lists["list.txt|True"] = ["b.csv", "a.csv"];

        Assert.Equal(["data", "b.csv", "a.csv"], Build("--id", "1", "--files-from", "list.txt", "--null-data", "data").Paths);
    }

    [Fact]
    public void An_unreadable_list_is_refused_naming_it()
    {
        Assert.Equal("--files-from gone.txt: cannot read gone.txt", Assert.Throws<ArgumentException>(() => Build("--id", "1", "--files-from", "gone.txt")).Message);
    }

    [Fact]
    public void An_empty_list_without_path_arguments_is_refused()
    {
        _lists["list.txt|False"] = [];

        Assert.Equal("no inputs: --files-from list.txt listed none", Assert.Throws<ArgumentException>(() => Build("--id", "1", "--files-from", "list.txt")).Message);
    }

    [Fact]
    public void A_list_on_standard_input_that_lists_standard_input_is_refused()
    {
        _lists["-|False"] = ["a.csv", "-"];

        Assert.Equal(
            "--files-from - reads the list from standard input, so the listed '-' cannot also be an input",
            Assert.Throws<ArgumentException>(() => Build("--id", "1", "--files-from", "-")).Message);
    }

    [Fact]
    public void Shard_auto_takes_its_index_from_the_environment_and_expands_the_output()
    {
        _variables["SLURM_ARRAY_TASK_ID"] = "3";
        _variables["SLURM_ARRAY_TASK_COUNT"] = "8";

        var options = Build("--id", "1", "--shard", "auto", "-o", "part-{shard}.csv", "data");

        Assert.Equal(new ShardSpec(3, 8), options.Shard);
        Assert.Equal(new ShardSpec(3, 8).Expand("part-{shard}.csv"), options.OutputPath);
    }

    [Fact]
    public void Quiet_turns_automatic_progress_off_but_not_progress_always()
    {
        Assert.Equal(ProgressMode.Never, Build("--id", "1", "-q", "data").Progress);
        Assert.Equal(ProgressMode.Always, Build("--id", "1", "-q", "--progress", "always", "data").Progress);
    }

    [Fact]
    public void Each_output_option_gives_its_mode()
    {
        Assert.Equal(OutputMode.Rows, Build("--id", "1", "data").Mode);
        Assert.Equal(OutputMode.CountPerFile, Build("--id", "1", "-C", "data").Mode);
        Assert.Equal(OutputMode.Total, Build("--id", "1", "--total", "data").Mode);
        Assert.Equal(OutputMode.FilesWithMatches, Build("--id", "1", "-l", "data").Mode);
        Assert.Equal(OutputMode.Quiet, Build("--id", "1", "-q", "data").Mode);
    }

    [Fact]
    public void Header_options_and_the_encoding_reach_the_match_spec()
    {
        var match = Build("--id", "1", "--no-header", "--encoding", "GBK", "--output-encoding", "utf-8", "data").Match;

        Assert.Equal(HeaderChoice.Absent, match.Header);
        Assert.True(TextEncodings.TryCanonicalName("gbk", out var gbk));
        Assert.Equal(gbk, match.InputEncoding);
        Assert.True(match.OutputUtf8);
    }
}
