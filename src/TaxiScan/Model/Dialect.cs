using System.Text;

namespace TaxiScan.Model;

/// <summary>
/// One file's dialect, as the dialect sniffer (Scanning) settled it from the options and the file's first
/// lines: how fields are separated and quoted, whether a header comes first, and where the id is.
/// </summary>
internal sealed record Dialect
{
    /// <summary>A byte or <see cref="DelimiterKind.SpaceRuns"/>; never <see cref="DelimiterKind.Auto"/>.</summary>
    public required DelimiterChoice Delimiter { get; init; }

    /// <summary>Fields may be quoted (RFC 4180): rows are read by the CsvHelper path, which keeps quoted line breaks inside a row.</summary>
    public bool Quoted { get; init; }

    /// <summary>The first line (record) is a header: printed once at most, never a row or a match.</summary>
    public bool HasHeader { get; init; }

    /// <summary>The 0-based index of the id field.</summary>
    public int IdColumn { get; init; }

    /// <summary>The usual number of fields of a data row in the file's first lines; 0 when unknown.</summary>
    public int ExpectedFields { get; init; }

    /// <summary>No delimiter fitted the file's first lines (binary or free text); the comma was assumed and quotes are not interpreted.</summary>
    public bool DelimiterGuessed { get; init; }

    /// <summary>The header name of the id column, when there is a header.</summary>
    public string? IdColumnName { get; init; }

    public string Describe()
    {
        var separator = Delimiter.Kind == DelimiterKind.SpaceRuns ? "blank-separated" : $"'{Printable(Delimiter.Byte)}'-separated";
        var quoting = Quoted ? ", quoted" : "";
        var header = HasHeader ? ", header" : ", no header";
        var column = IdColumnName is null ? $"column {IdColumn + 1}" : $"column {IdColumn + 1} ({IdColumnName})";
        var fields = ExpectedFields > 0 ? $", {ExpectedFields} fields" : "";
        return $"{separator}{quoting}{header}, id in {column}{fields}";
    }

    public static string Printable(byte delimiter) => delimiter switch
    {
        (byte)'\t' => "\\t",
        (byte)' ' => "space",
        _ => Encoding.Latin1.GetString([delimiter]),
    };
}
