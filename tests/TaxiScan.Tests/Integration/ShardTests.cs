using System.Globalization;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>
/// Issue 7: <c>find --shard K/N</c> and <c>taxiscan merge</c> on the real binary. Shards 0..N-1 of a run,
/// merged, are the one-machine run's bytes; for files without a header their parts simply concatenate
/// to it. A missing, partial or foreign part is named and nothing is written.
/// </summary>
public class ShardTests
{
    private static GeneratedSet BigFileSet => GeneratedSet.Get("--files 8 --size 40M --skew huge:0.5 --target-share 0.0005 --encoding gb2312 --seed 17");

    public static TheoryData<string, string, bool> RealDatasets => new()
    {
        { "tdrive_beijing", "--id 1", false },
        { "porto_ecml_pkdd2015", "--id 20000589 -c TAXI_ID", true },
        { "rome_crawdad", "--id 156,187,297", false },
        { "cabspotting_sf", "--id mfeuer,eotcue --id-from-path new_([a-z]+)\\.txt$", false },
    };

    [Theory]
    [MemberData(nameof(RealDatasets))]
    public void Shards_of_a_real_dataset_merge_to_the_plain_runs_bytes_for_1_3_and_7_shards(string dataset, string options, bool hasHeader)
    {
        var path = Path.Combine(RepoPaths.RealData, dataset);
        var plain = TaxiScanRun.Run(RepoPaths.Root, ["find", .. options.Split(' '), path]);
        Assert.True(plain.ExitCode == 0, plain.ToString());

        foreach (var shards in new[] { 1, 3, 7 })
        {
            using var dir = new TempDir();
            var parts = RunShards(dir, shards, [.. options.Split(' '), "--workers", "2", path]);
            var merged = TaxiScanRun.Run(dir.Path, ["merge", "-", .. parts]);

            Assert.True(merged.ExitCode == 0, merged.ToString());
            BytesAssert.Equal(plain.Stdout, merged.Stdout, $"{dataset}, {shards} shards");
            if (!hasHeader)
            {
                // Without a header line the parts are simply the plain output cut in N.
                BytesAssert.Equal(plain.Stdout, [.. parts.SelectMany(part => File.ReadAllBytes(dir.Combine(part)))], $"cat of {dataset}, {shards} shards");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void Shards_of_a_set_with_one_huge_file_concatenate_to_the_plain_runs_bytes(int shards)
    {
        // No header: the parts are the plain run cut in N, so `cat` joins them; merge gives the same.
        var set = BigFileSet;
        string[] options = ["--id", set.Target, "--encoding", "gb2312", "--workers", "2", set.CsvDirectory];
        var plain = TaxiScanRun.Run(RepoPaths.Root, ["find", .. options]);
        using var dir = new TempDir();

        var parts = RunShards(dir, shards, options);
        var merged = TaxiScanRun.Run(dir.Path, ["merge", "merged.csv", .. parts]);

        Assert.True(merged.ExitCode == 0, merged.ToString());
        BytesAssert.Equal(set.ExpectedRows, plain.Stdout, "plain run");
        BytesAssert.Equal(plain.Stdout, [.. parts.SelectMany(part => File.ReadAllBytes(dir.Combine(part)))], $"cat of {shards} parts");
        BytesAssert.Equal(plain.Stdout, File.ReadAllBytes(dir.Combine("merged.csv")), $"merge of {shards} parts");
    }

    [Fact]
    public void A_missing_part_is_named_and_nothing_is_written()
    {
        using var dir = new TempDir();
        var parts = RunShards(dir, 3, ["--id", "1", Path.Combine(RepoPaths.RealData, "tdrive_beijing")]);

        var merged = TaxiScanRun.Run(dir.Path, "merge", "merged.csv", parts[0], parts[2]);

        Assert.Equal(2, merged.ExitCode);
        Assert.Equal(
            "taxiscan: merge: shards missing or not finished: 1 of 3; run them again (--shard K/3) and merge once more\n" +
            "taxiscan: merge: nothing written; merged.csv left as it was\n",
            merged.Stderr);
        Assert.False(File.Exists(dir.Combine("merged.csv")));
    }

    [Fact]
    public void A_part_without_its_manifest_or_cut_short_is_named_with_its_shard()
    {
        using var dir = new TempDir();
        var parts = RunShards(dir, 2, ["--id", "1,2", Path.Combine(RepoPaths.RealData, "tdrive_beijing")]);
        File.Delete(dir.Combine(parts[0] + ".manifest.json"));
        var whole = new FileInfo(dir.Combine(parts[1])).Length;
        using (var part = File.OpenWrite(dir.Combine(parts[1])))
        {
            part.SetLength(whole - 10);
        }

        var merged = TaxiScanRun.Run(dir.Path, "merge", "-", parts[0], parts[1]);

        Assert.Equal(2, merged.ExitCode);
        Assert.Empty(merged.Stdout);
        Assert.Contains($"taxiscan: merge: {parts[0]}: no {parts[0]}.manifest.json: the shard did not finish, or this is not a taxiscan part\n", merged.Stderr, StringComparison.Ordinal);
        Assert.Contains($"taxiscan: merge: {parts[1]}: shard 1: the part holds {whole - 10} bytes, its manifest {whole}: it is partial or was changed; run shard 1 again\n", merged.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Parts_of_another_run_are_foreign_other_ids_or_a_changed_listing()
    {
        using var dir = new TempDir();
        var data = Path.Combine(RepoPaths.RealData, "tdrive_beijing");
        dir.Create("data/1.txt", File.ReadAllText(Path.Combine(data, "1.txt")));
        var first = RunShards(dir, 2, ["--id", "1", dir.Combine("data")], "a");
        var otherIds = RunShards(dir, 2, ["--id", "2", dir.Combine("data")], "b");
        dir.Create("data/3.txt", "3,2008-02-02 13:30:00,116.1,39.9\n"); // a file appears between the shards' runs
        var changedListing = RunShards(dir, 2, ["--id", "1", dir.Combine("data")], "c");

        var withOtherIds = TaxiScanRun.Run(dir.Path, "merge", "-", first[0], otherIds[1]);
        var withOtherListing = TaxiScanRun.Run(dir.Path, "merge", "-", first[0], changedListing[1]);

        Assert.Equal(2, withOtherIds.ExitCode);
        Assert.Contains($"taxiscan: merge: {otherIds[1]}: not a part of the same run as {first[0]}: it was made with other options (ids, columns, format or output options)\n", withOtherIds.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, withOtherListing.ExitCode);
        Assert.Contains($"taxiscan: merge: {changedListing[1]}: not a part of the same run as {first[0]}: its input listing differs (files were added, removed or changed between the shards' runs)\n", withOtherListing.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_COUNT=3", "", 2)]
    [InlineData("JOB_COMPLETION_INDEX=1", "--shard-count 3", 1)]
    [InlineData("AWS_BATCH_JOB_ARRAY_INDEX=0", "--shard-count 3", 0)]
    public void Shard_auto_takes_the_index_from_the_array_jobs_environment(string environment, string countOption, int expectedShard)
    {
        using var dir = new TempDir();
        var variables = environment.Split(' ').Select(pair => pair.Split('=')).ToDictionary(pair => pair[0], pair => (string?)pair[1]);
        variables["PATH"] = Environment.GetEnvironmentVariable("PATH");
        string[] count = countOption.Length == 0 ? [] : countOption.Split(' ');

        var result = TaxiScanRun.RunProgram(dir.Path, variables, TaxiScanRun.DefaultTimeout, RepoPaths.TaxiScanBinary,
            ["find", "--id", "1", "--shard", "auto", .. count, "-o", "part-{shard}.csv", Path.Combine(RepoPaths.RealData, "tdrive_beijing")]);

        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        Assert.True(File.Exists(dir.Combine($"part-{expectedShard}.csv.manifest.json")), result.ToString());
        Assert.Contains($"\"shard\": {expectedShard},", File.ReadAllText(dir.Combine($"part-{expectedShard}.csv.manifest.json")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--shard 3/3", "taxiscan: --shard 3/3: shard 3 does not exist in 3 shards (they are numbered 0 to 2)\n")]
    [InlineData("--shard 1-3", "taxiscan: --shard takes K/N (shard K of N, K from 0) or auto, not '1-3'\n")]
    [InlineData("--shard auto", "taxiscan: --shard auto found no array job index (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX)\n")]
    [InlineData("--shard 0/2 --count", "taxiscan: --shard writes rows for 'taxiscan merge' to join; --count cannot be joined that way (see 'taxiscan find --help')\n")]
    public void Bad_shard_options_are_one_line_errors_with_exit_2(string options, string stderr)
    {
        var environment = new Dictionary<string, string?> { ["SLURM_ARRAY_TASK_ID"] = null, ["JOB_COMPLETION_INDEX"] = null, ["AWS_BATCH_JOB_ARRAY_INDEX"] = null };

        var result = TaxiScanRun.RunProgram(RepoPaths.Root, environment, TaxiScanRun.DefaultTimeout, RepoPaths.TaxiScanBinary, ["find", "--id", "1", .. options.Split(' '), "samples"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal(stderr, result.Stderr);
    }

    public static TheoryData<string, int> QuotedFiles => new()
    {
        { "quotes after the cut, with line breaks inside quotes", 2 },
        { "quotes after the cut, with line breaks inside quotes", 5 },
        { "a quoted header, as Porto's", 3 },
        { "a quoted header, as Porto's", 7 },
    };

    [Theory]
    [MemberData(nameof(QuotedFiles))]
    public void A_quoted_file_cut_between_shards_merges_to_the_plain_runs_bytes(string shape, int shards)
    {
        // Each shard whose range meets a quote reads the file on to its end, as one run does from its first
        // quoted range; merge keeps the earliest read-on and drops the rows of every range after it.
        using var dir = new TempDir();
        var rows = shape.StartsWith("a quoted header", StringComparison.Ordinal)
            ? ["\"TRIP_ID\",\"TAXI_ID\",\"POLYLINE\"\n", .. Enumerable.Range(0, 300_000).Select(i => $"\"{i}\",\"{2000 + (i % 40)}\",\"[[-8.6,41.1],[{i},{i % 7}]]\"\n")]
            : Enumerable.Range(0, 120_000).Select(i => i < 80_000 ? $"{2000 + (i % 40)},plain row {i}\n" : $"{2000 + (i % 40)},\"quoted,\nrow {i}\"\n").ToList();
        dir.Create("big.csv", string.Concat(rows));
        string[] options = ["--id", "2007", "-c", shape.StartsWith("a quoted header", StringComparison.Ordinal) ? "TAXI_ID" : "1", "--workers", "2", dir.Combine("big.csv")];
        var plain = TaxiScanRun.Run(dir.Path, ["find", .. options]);
        Assert.True(plain.ExitCode == 0, plain.ToString());

        var parts = RunShards(dir, shards, options);
        var merged = TaxiScanRun.Run(dir.Path, ["merge", "-", .. parts]);

        Assert.True(merged.ExitCode == 0, merged.ToString());
        Assert.Contains("\"read_on\": true", string.Concat(parts.Select(part => File.ReadAllText(dir.Combine(part + ".manifest.json")))), StringComparison.Ordinal);
        BytesAssert.Equal(plain.Stdout, merged.Stdout, $"{shape}, {shards} shards");
        if (shape.StartsWith("a quoted header", StringComparison.Ordinal))
        {
            // Quoted from its first line: the first shard reads the file whole, the others read none of it again.
            Assert.All(parts.Skip(1), part => Assert.Equal(0, new FileInfo(dir.Combine(part)).Length));
        }
    }

    // Runs every shard of N (each with -o PREFIX-{shard}.csv) and returns the part file names in shard order.
    private static List<string> RunShards(TempDir dir, int shards, string[] options, string prefix = "part", int? expectExitCode = 0)
    {
        for (var shard = 0; shard < shards; shard++)
        {
            var result = TaxiScanRun.Run(dir.Path, ["find", .. options, "--shard", $"{shard}/{shards}", "-o", $"{prefix}-{{shard}}.csv"]);
            Assert.True(result.ExitCode is 0 or 1 || expectExitCode is null, result.ToString());
        }

        var digits = (shards - 1).ToString(CultureInfo.InvariantCulture).Length;
        return [.. Enumerable.Range(0, shards).Select(shard => $"{prefix}-{shard.ToString(new string('0', digits), CultureInfo.InvariantCulture)}.csv")];
    }
}
