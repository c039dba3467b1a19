using System.Text;

namespace TaxiScan.Workers;

/// <summary>
/// The worker's optional conversion stage (<c>--output-encoding utf-8</c>): re-encodes a matching row
/// from the input's encoding to UTF-8 before it leaves the worker, so the writer still only copies bytes.
/// Bytes that do not decode become U+FFFD, the framework's replacement fallback.
/// </summary>
internal sealed class OutputTranscoder(Encoding input)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Decoder _decoder = input.GetDecoder();
    private char[] _chars = new char[4096];
    private byte[] _bytes = new byte[8192];

    /// <summary>Converts <paramref name="row"/> and <paramref name="tail"/>; the result is valid until the next call.</summary>
    public ReadOnlySpan<byte> ToUtf8(ReadOnlySpan<byte> row, ReadOnlySpan<byte> tail)
    {
        var charCount = _decoder.GetCharCount(row, flush: false) + tail.Length;
        if (_chars.Length < charCount)
        {
            _chars = new char[Math.Max(charCount, _chars.Length * 2)];
        }

        var chars = _decoder.GetChars(row, _chars, flush: true);
        for (var i = 0; i < tail.Length; i++)
        {
            _chars[chars++] = (char)tail[i]; // an added terminator is ASCII
        }

        var byteCount = Utf8.GetByteCount(_chars.AsSpan(0, chars));
        if (_bytes.Length < byteCount)
        {
            _bytes = new byte[Math.Max(byteCount, _bytes.Length * 2)];
        }

        var bytes = Utf8.GetBytes(_chars.AsSpan(0, chars), _bytes);
        return _bytes.AsSpan(0, bytes);
    }
}
