using CsvHelper;
using TaxiScan.Matching;
using TaxiScan.Model;

namespace TaxiScan.Scanning;

/// <summary>
/// Part of the dialect stage: splits a file's sample into records of fields, quoted or not, the way the
/// scan will read them, and answers how consistently a candidate delimiter splits them.
/// </summary>
internal static class SampleRecords
{
    /// <summary>How many records of the sample are looked at.</summary>
    public const int Limit = 200;

    /// <summary>
    /// The field count of nearly all data records (the first record may be a header): all but 10% of
    /// them, or all but one in a small sample; 0 when there is no such count of 2 or more.
    /// </summary>
    internal static int ConsistentFieldCount(List<byte[][]> records)
    {
        return ConsistentDataFieldCount(records.Count > 1 ? records.Skip(1).ToList() : records);
    }

    internal static int ConsistentDataFieldCount(List<byte[][]> data)
    {
        var modal = ModalFieldCount(data, out var share);
        var outliers = data.Count - (int)Math.Round(share * data.Count);
        return modal >= 2 && outliers <= Math.Max(1, data.Count / 10) ? modal : 0;
    }

    // A broken quote early in a file can make one record of the rest of the sample. When the sample does
    // not split consistently with quoted line breaks allowed, it is split again with every line a record.
    // cleanQuotes tells whether quoted line breaks allowed, the sample reads without a quoting error.
    internal static List<byte[][]> SplitConsistently(byte[] sample, DelimiterChoice delimiter, bool hasQuote, bool wholeFile, out bool cleanQuotes)
    {
        var records = Split(sample, delimiter, hasQuote, wholeFile, out cleanQuotes);
        if (!hasQuote || delimiter.Kind != DelimiterKind.Byte || ConsistentFieldCount(records) > 0)
        {
            return records;
        }

        var byLine = Split(sample, delimiter, hasQuote, wholeFile, out _, lineBreaksInQuotes: false);
        return ConsistentFieldCount(byLine) > 0 ? byLine : records;
    }

    internal static int ModalFieldCount(List<byte[][]> records, out double share)
    {
        share = 0;
        if (records.Count == 0)
        {
            return 0;
        }

        var (count, times) = records.GroupBy(record => record.Length)
            .Select(group => (group.Key, group.Count()))
            .OrderByDescending(pair => pair.Item2)
            .ThenByDescending(pair => pair.Key)
            .First();
        share = (double)times / records.Count;
        return count;
    }


    /// <summary>
    /// Splits the sample into records of fields (quotes removed), the way the scan will read them.
    /// <paramref name="cleanQuotes"/>: no record had a quoting problem (of any kind; a quote left open by
    /// the sample's cut aside). Always true for unquoted reading.
    /// </summary>
    internal static List<byte[][]> Split(byte[] sample, DelimiterChoice delimiter, bool quoted, bool wholeFile, out bool cleanQuotes, bool lineBreaksInQuotes = true)
    {
        var records = new List<byte[][]>();
        cleanQuotes = true;
        if (delimiter.Kind == DelimiterKind.Byte && quoted)
        {
            var problems = 0;
            var options = CsvReaderOptions.Default with
            {
                HasHeader = false,
                Separator = (char)delimiter.Byte,
                AllowLineBreaksInQuotes = lineBreaksInQuotes,
                OnMalformedRecord = record => problems += record.Reason is CsvMalformedReason.UnterminatedQuote && !wholeFile ? 0 : 1,
            };
            using var reader = CsvReader.Create(sample.AsMemory(), options);
            while (records.Count < Limit && reader.Read())
            {
                var fields = new byte[reader.FieldCount][];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = reader.GetSpan(i).ToArray();
                }

                records.Add(fields);
            }

            // The sample may end inside a quoted line break: its last record may be cut short.
            if (!wholeFile && records.Count > 1)
            {
                records.RemoveAt(records.Count - 1);
            }

            cleanQuotes = problems == 0;
            return records;
        }

        var rest = sample.AsSpan();
        while (!rest.IsEmpty && records.Count < Limit)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[(end + 1)..];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                continue;
            }

            var fields = new List<byte[]>();
            var reader = new FieldCursor(line, delimiter);
            while (reader.TryNext(out var field))
            {
                fields.Add(field.ToArray());
            }

            records.Add([.. fields]);
        }

        return records;
    }
}
