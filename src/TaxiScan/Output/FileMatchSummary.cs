using System.Globalization;
using System.Text;
using TaxiScan.Model;

namespace TaxiScan.Output;

/// <summary>
/// The writer stage for <c>--count</c>, <c>--total</c> and <c>--files-with-matches</c>, in place of the rows:
/// <see cref="OrderedRowWriter"/> hands it each unit in input order once the unit is settled, with how
/// many of its rows matched (0 for a unit that failed). A file's units (the byte ranges of a cut file)
/// are summed; each file with matches gets one line, and <c>--total</c> one number at the end.
/// </summary>
internal sealed class FileMatchSummary(Stream output, OutputMode mode, IReadOnlyList<WorkUnit> units, long? maxCount, bool nullSeparated)
{
    private string? _file;
    private long _fileMatches;

    /// <summary>Matching rows counted so far, each file's capped at <c>--max-count</c>.</summary>
    public long Total { get; private set; }

    public void Add(int unit, long matched)
    {
        var path = units[unit].DisplayPath;
        if (path != _file)
        {
            WriteFile();
            _file = path;
            _fileMatches = 0;
        }

        _fileMatches += matched;
    }

    public void Finish()
    {
        WriteFile();
        _file = null;
        if (mode == OutputMode.Total)
        {
            Write(Total.ToString(CultureInfo.InvariantCulture) + "\n");
        }
    }

    private void WriteFile()
    {
        if (_file is null || _fileMatches == 0)
        {
            return;
        }

        // Each range of a cut file stopped at --max-count on its own: the file has at most that many.
        var count = Math.Min(_fileMatches, maxCount ?? long.MaxValue);
        Total += count;
        switch (mode)
        {
            case OutputMode.CountPerFile:
                // As grep -c: PATH:N, and with --null (grep -Z) a NUL instead of the colon, so any path is safe.
                Write($"{_file}{(nullSeparated ? '\0' : ':')}{count.ToString(CultureInfo.InvariantCulture)}\n");
                break;
            case OutputMode.FilesWithMatches:
                Write(_file + (nullSeparated ? '\0' : '\n'));
                break;
        }
    }

    private void Write(string text) => output.Write(Encoding.UTF8.GetBytes(text));
}
