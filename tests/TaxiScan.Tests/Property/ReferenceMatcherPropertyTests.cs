using System.Text;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Property;

/// <summary>
/// Fixed-seed property tests: taxiscan, with every dialect option explicit, against <see cref="ReferenceMatcher"/>
/// on directories of <see cref="RandomCsv"/> files (one directory, so one run, per seed). Clean files must give
/// the reference's bytes exactly; corrupted ones only what holds whatever the recovery: every printed record
/// matches, untouched files come out whole, no crash, and malformed rows change the exit code only with --strict.
/// </summary>
public class ReferenceMatcherPropertyTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 30)];

    public static TheoryData<int> StrictSeeds => [.. Enumerable.Range(1, 30).Where(seed => seed % 5 == 0)];

    /// <summary>Keeps the reference honest: it must read back exactly the records the generator wrote.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_reference_reads_back_every_generated_record(int seed)
    {
        var batch = RandomCsv.Batch(seed);

        foreach (var file in batch.Files)
        {
            var records = ReferenceCsv.Split(file.Bytes, (byte)batch.Delimiter);
            Assert.Equal(file.Records!.Count, records.Count);
            for (var i = 0; i < records.Count; i++)
            {
                Assert.False(records[i].Unterminated);
                Assert.Equal(file.Records[i], records[i].Fields.Select(Encoding.UTF8.GetString));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Clean_random_files_give_exactly_the_reference_bytes(int seed)
    {
        var batch = RandomCsv.Batch(seed);
        using var dir = new TempDir();
        batch.WriteTo(dir.Path);
        var expected = batch.ExpectedOutput();

        var result = TaxiScanRun.Run(dir.Path, batch.Arguments());

        var context = $"{batch}\n{result}";
        Assert.True(result.ExitCode == (expected.Length > 0 ? 0 : 1), context);
        BytesAssert.Equal(expected, result.Stdout, context);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Corrupted_random_files_print_only_matching_records_and_leave_clean_files_whole(int seed)
    {
        var batch = RandomCsv.Corrupt(RandomCsv.Batch(seed));
        using var dir = new TempDir();
        batch.WriteTo(dir.Path);

        var result = TaxiScanRun.Run(dir.Path, batch.Arguments());

        var context = $"{batch}\n{result}";
        AssertNoCrash(result, context);
        Assert.True(result.ExitCode is 0 or 1, context);
        AssertEveryRecordMatches(batch, result.Stdout, context);
        var cleanFilesMatch = AssertUntouchedFilesWhole(batch, result.Stdout, context);
        Assert.True(!cleanFilesMatch || result.ExitCode == 0, context);
        Assert.Contains(result.Stderr.Split('\n'), line => batch.Corrupted.Any(name => line.Contains(name, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(StrictSeeds))]
    public void Strict_turns_malformed_records_into_exit_2_without_a_crash(int seed)
    {
        var batch = RandomCsv.Corrupt(RandomCsv.Batch(seed));
        using var dir = new TempDir();
        batch.WriteTo(dir.Path);

        var result = TaxiScanRun.Run(dir.Path, batch.Arguments("--strict"));

        // --strict changes the exit code only: the scan goes on and prints what it would print without it.
        var context = $"{batch}\n{result}";
        AssertNoCrash(result, context);
        Assert.True(result.ExitCode == 2, context);
        AssertEveryRecordMatches(batch, result.Stdout, context);
        AssertUntouchedFilesWhole(batch, result.Stdout, context);
        Assert.Contains(result.Stderr.Split('\n'), line => batch.Corrupted.Any(name => line.Contains(name, StringComparison.Ordinal)));
    }

    private static void AssertNoCrash(TaxiScanResult result, string context)
    {
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Stderr, StringComparison.Ordinal);
        Assert.True(result.ExitCode is >= 0 and <= 2, context);
    }

    /// <summary>
    /// Reads stdout back with the reference: the first record, with a header, is one of the inputs' headers;
    /// every other record is complete and its id field equals an id.
    /// </summary>
    private static void AssertEveryRecordMatches(RandomCsvBatch batch, byte[] stdout, string context)
    {
        var reference = batch.Reference;
        var records = ReferenceCsv.Split(stdout, (byte)batch.Delimiter);
        var rows = records.AsEnumerable();
        if (batch.HasHeader && records.Count > 0)
        {
            var first = records[0].OutputBytes(stdout);
            var headers = batch.Files.Select(file => (file.Bytes, reference.Read(file.Bytes).Header));
            Assert.True(headers.Any(h => h.Header is not null && h.Header.OutputBytes(h.Bytes).AsSpan().SequenceEqual(first)), "the output must start with a header\n" + context);
            rows = rows.Skip(1);
        }

        foreach (var row in rows)
        {
            Assert.True(reference.IsMatch(row, batch.Column), $"printed record at offset {row.Start} does not match: {BytesAssert.Escape(stdout, row.Start)}\n{context}");
        }
    }

    /// <summary>The matching records of each untouched file appear whole and in file order; returns whether there were any.</summary>
    private static bool AssertUntouchedFilesWhole(RandomCsvBatch batch, byte[] stdout, string context)
    {
        var position = 0;
        var any = false;
        foreach (var file in batch.FilesInOutputOrder.Where(file => !batch.Corrupted.Contains(file.Name)))
        {
            var matches = batch.Reference.Read(file.Bytes).Matches;
            if (matches.Count == 0)
            {
                continue;
            }

            any = true;
            byte[] block = [.. matches.SelectMany(match => match.OutputBytes(file.Bytes))];
            var at = stdout.AsSpan(position).IndexOf(block);
            Assert.True(at >= 0, $"the {matches.Count} matching records of untouched {file.Name} are missing, altered or out of order\n{context}");
            position += at + block.Length;
        }

        return any;
    }
}
