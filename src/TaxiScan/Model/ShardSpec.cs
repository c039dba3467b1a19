using System.Globalization;

namespace TaxiScan.Model;

/// <summary>
/// Which shard of the input a run scans: <c>--shard K/N</c> (K from 0), or <c>--shard auto</c>, which takes K
/// and N from the environment an engine sets for each task of an array job.
/// </summary>
internal readonly record struct ShardSpec(int Index, int Count)
{
    /// <summary>The most shards a run may be split into.</summary>
    public const int MaxCount = 100_000;

    public override string ToString() => $"{Index}/{Count}";

    /// <summary>
    /// <paramref name="pattern"/> with <c>{shard}</c> replaced by K, zero-padded to the width of N-1, so that
    /// the parts of one run sort in shard order (<c>part-03.csv</c> before <c>part-10.csv</c>).
    /// </summary>
    public string Expand(string pattern)
    {
        var width = (Count - 1).ToString(CultureInfo.InvariantCulture).Length;
        return pattern.Replace("{shard}", Index.ToString(new string('0', width), CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>Parses <c>K/N</c> or <c>auto</c>; <paramref name="count"/> is <c>--shard-count</c>, for engines that give only K.</summary>
    /// <exception cref="ArgumentException">The text or the environment does not give a valid shard; the message says why.</exception>
    public static ShardSpec Parse(string text, int? count, Func<string, string?> environment)
    {
        if (text == "auto")
        {
            return FromEnvironment(count, environment);
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !int.TryParse(text[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var total))
        {
            throw new ArgumentException($"--shard takes K/N (shard K of N, K from 0) or auto, not '{text}'");
        }

        return Checked(index, total, $"--shard {text}");
    }

    // The engines' own variables: Slurm gives both; a Kubernetes indexed Job and an AWS Batch array job
    // give only the index, so the count comes from --shard-count.
    private static ShardSpec FromEnvironment(int? count, Func<string, string?> environment)
    {
        if (environment("SLURM_ARRAY_TASK_ID") is { } slurmTask)
        {
            var slurmCount = environment("SLURM_ARRAY_TASK_COUNT");
            var total = count ?? (int.TryParse(slurmCount, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1);
            return Checked(ParseIndex(slurmTask, "SLURM_ARRAY_TASK_ID"), total, "--shard auto (Slurm)");
        }

        foreach (var variable in new[] { "JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX" })
        {
            if (environment(variable) is { } value)
            {
                if (count is not { } total)
                {
                    throw new ArgumentException($"--shard auto found {variable} but not how many shards there are: add --shard-count N");
                }

                return Checked(ParseIndex(value, variable), total, $"--shard auto ({variable})");
            }
        }

        throw new ArgumentException("--shard auto found no array job index (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX)");
    }

    private static int ParseIndex(string value, string variable) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : throw new ArgumentException($"--shard auto: {variable} is '{value}', not a shard number");

    private static ShardSpec Checked(int index, int count, string what)
    {
        if (count is < 1 or > MaxCount)
        {
            throw new ArgumentException($"{what}: the number of shards must be 1 to {MaxCount}, not {count}");
        }

        if (index < 0 || index >= count)
        {
            throw new ArgumentException($"{what}: shard {index} does not exist in {count} shards (they are numbered 0 to {count - 1})");
        }

        return new ShardSpec(index, count);
    }
}
