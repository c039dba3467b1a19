using System.Text;
using System.Text.Unicode;
using TaxiScan.Model;

namespace TaxiScan.Cli;

/// <summary>
/// Collects the ids of <c>--id</c> (repeated, comma lists) and <c>--ids-file</c> (one per line, blank
/// lines and <c>#</c> comment lines ignored) into one list, first occurrence first, each id once.
/// </summary>
internal static class IdList
{
    public static IReadOnlyList<string> Split(IEnumerable<string> values) =>
        values.SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries))
            .Where(id => id.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// The ids in the bytes of an ids file. They are read as UTF-8 when they are valid UTF-8 (a BOM is dropped),
    /// else in the input's encoding: a list of plates saved by a GBK editor works as well as one saved as UTF-8.
    /// </summary>
    public static IReadOnlyList<string> Parse(byte[] bytes, string inputEncoding)
    {
        var text = Utf8.IsValid(bytes)
            ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes).TrimStart('\uFEFF')
            : TextEncodings.Get(inputEncoding).GetString(bytes);
        return text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToArray();
    }
}
