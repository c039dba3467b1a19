using System.Text;

namespace TaxiScan.Tests.Support;

/// <summary>Byte-exact comparison whose failure shows where the bytes part, escaped, and the run that made them.</summary>
internal static class BytesAssert
{
    public static void Equal(byte[] expected, byte[] actual, object context)
    {
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return;
        }

        var at = expected.AsSpan().CommonPrefixLength(actual);
        var lineStart = at == 0 ? 0 : expected.AsSpan(0, at).LastIndexOf((byte)'\n') + 1;
        Assert.Fail(
            $"bytes differ at offset {at} (expected {expected.Length} bytes, got {actual.Length}); from the start of that line:\n" +
            $"expected: {Escape(expected, lineStart)}\nactual:   {Escape(actual, lineStart)}\n{context}");
    }

    /// <summary>Up to 200 bytes from <paramref name="from"/>, with line ends, NUL and other control bytes made visible.</summary>
    public static string Escape(byte[] bytes, int from)
    {
        var text = new StringBuilder();
        foreach (var b in bytes.AsSpan(from, Math.Min(200, bytes.Length - from)))
        {
            text.Append(b switch
            {
                (byte)'\n' => "\\n",
                (byte)'\r' => "\\r",
                (byte)'\t' => "\\t",
                < 0x20 or >= 0x7F => $"\\x{b:X2}",
                _ => ((char)b).ToString(),
            });
        }

        return text.Append(bytes.Length - from > 200 ? "..." : "<end>").ToString();
    }
}
