using TaxiScan.Scanning;


namespace TaxiScan.Tests.Unit.Scanning;

/// <summary>The block census counts exactly what a byte-by-byte count gives, at every length and alignment.</summary>
public class BlockCensusTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Counts_equal_a_byte_by_byte_count(int seed)
    {
        var random = new Random(seed);
        byte[] alphabet = [(byte)'\n', (byte)',', (byte)'1', (byte)'a', 0xD4, (byte)'\r'];

        // Lengths around the vector size and past 255 vectors, where the byte-lane counters must not wrap.
        foreach (var length in new[] { 0, 1, 31, 63, 64, 65, 255 * 64, (256 * 64) + 7, 100_000, 1 << 20 })
        {
            var block = new byte[length];
            for (var i = 0; i < length; i++)
            {
                block[i] = alphabet[random.Next(alphabet.Length)];
            }

            var census = BlockCensus.Of(block, (byte)',');

            Assert.Equal(block.Count(b => b == '\n'), census.LineBreaks);
            Assert.Equal(block.Count(b => b == ','), census.Delimiters);
            Assert.False(census.HasNul);
            Assert.False(census.HasQuote);
        }
    }

    [Fact]
    public void A_block_of_nothing_but_line_breaks_is_counted_whole()
    {
        // Every byte lane counts once per vector: a lane counter must be emptied before it passes 255.
        var block = Enumerable.Repeat((byte)'\n', (300 * 64) + 5).ToArray();

        Assert.Equal(block.Length, BlockCensus.Of(block, (byte)',').LineBreaks);
        Assert.Equal(block.Length, BlockCensus.Of(block, (byte)'\n').Delimiters);
    }

    [Fact]
    public void A_single_nul_or_quote_anywhere_is_seen()
    {
        foreach (var at in new[] { 0, 63, 64, 5000, 99_999 })
        {
            var block = Enumerable.Repeat((byte)'x', 100_000).ToArray();
            block[at] = 0;
            Assert.True(BlockCensus.Of(block, (byte)',').HasNul);
            Assert.False(BlockCensus.Of(block, (byte)',').HasQuote);
            block[at] = (byte)'"';
            Assert.True(BlockCensus.Of(block, (byte)',').HasQuote);
            Assert.False(BlockCensus.Of(block, (byte)',').HasNul);
        }
    }
}
