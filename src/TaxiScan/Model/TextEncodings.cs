using System.Text;

namespace TaxiScan.Model;

/// <summary>
/// The text encodings <c>--encoding</c> accepts, by name. Rows are never decoded to be matched or
/// printed; an encoding only turns ids and header names into the bytes they have in the files, and
/// decodes rows when <c>--output-encoding utf-8</c> asks for it.
/// </summary>
internal static class TextEncodings
{
    public const string Utf8Name = "utf-8";

    /// <summary>Accepted names (lower case) and the canonical name each stands for.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["utf-8"] = Utf8Name,
        ["utf8"] = Utf8Name,
        ["gb2312"] = "gb2312",
        ["gbk"] = "gbk",
        ["cp936"] = "gbk",
        ["936"] = "gbk",
        ["gb18030"] = "gb18030",
    };

    public static string Supported => "utf-8, gb2312, gbk (cp936), gb18030";

    public static bool TryCanonicalName(string name, out string canonical) =>
        Aliases.TryGetValue(name.Trim(), out canonical!);

    /// <summary>The encoding for a canonical name. GB2312 text is read as GBK, its superset (code page 936).</summary>
    public static Encoding Get(string canonicalName)
    {
        // Code pages other than UTF-8 live in the framework's CodePagesEncodingProvider, which must be
        // registered before the first lookup; registering twice is harmless.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return canonicalName switch
        {
            Utf8Name => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            "gb2312" or "gbk" => Encoding.GetEncoding(936),
            "gb18030" => Encoding.GetEncoding("GB18030"),
            _ => throw new ArgumentException($"unsupported encoding '{canonicalName}'", nameof(canonicalName)),
        };
    }

    public static bool IsUtf8(string canonicalName) => canonicalName == Utf8Name;
}
