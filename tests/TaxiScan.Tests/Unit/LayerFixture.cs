// Deliberate violations for LayerTests' positive control: a lower layer that uses a higher one, and two peers
// that use each other. Nothing else refers to these types.
namespace TaxiScan.Tests.Unit.LayerFixture.High
{
    internal sealed class Writer
    {
        public int Count { get; set; }
    }
}

namespace TaxiScan.Tests.Unit.LayerFixture.Low
{
    internal static class Reader
    {
        public static int Read(High.Writer writer) => writer.Count;
    }
}

namespace TaxiScan.Tests.Unit.LayerFixture.PeerA
{
    internal static class Left
    {
        public static int Use(PeerB.Right right) => right.Value;
    }
}

namespace TaxiScan.Tests.Unit.LayerFixture.PeerB
{
    internal sealed class Right
    {
        public int Value { get; set; }
    }
}
