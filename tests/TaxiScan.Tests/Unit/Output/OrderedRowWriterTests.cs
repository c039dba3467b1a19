using System.Text;
using TaxiScan.Output;

namespace TaxiScan.Tests.Unit.Output;

public class OrderedRowWriterTests
{
    private static readonly Action<byte[]> Release = _ => { };

    [Fact]
    public void Units_are_written_in_index_order_whatever_order_they_complete_in()
    {
        var (writer, output) = NewWriter(units: 3, memoryBudget: 1 << 20);

        Append(writer, 2, "2,c\n");
        Append(writer, 1, "1,b\n");
        writer.Complete(2);
        writer.Complete(1);
        Assert.Equal("", Text(output)); // unit 0 is not settled yet: nothing may be written
        Append(writer, 0, "0,a\n");
        writer.Complete(0);

        Assert.Equal("0,a\n1,b\n2,c\n", Text(output));
    }

    [Fact]
    public void A_dropped_unit_leaves_no_row_and_does_not_block_the_units_after_it()
    {
        var (writer, output) = NewWriter(units: 3, memoryBudget: 1 << 20);

        Append(writer, 0, "0,a\n");
        Append(writer, 1, "1,half-done\n");
        Append(writer, 2, "2,c\n");
        writer.Complete(2);
        writer.Complete(0);
        writer.Drop(1);

        Assert.Equal("0,a\n2,c\n", Text(output));
    }

    [Fact]
    public void Rows_past_the_memory_budget_spill_to_disk_and_come_back_in_order()
    {
        var (writer, output) = NewWriter(units: 2, memoryBudget: 64);
        var expected = new StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            var row = $"1,row {i}\n";
            Append(writer, 1, row);
            expected.Append(row);
        }

        writer.Complete(1);
        Append(writer, 0, "0,first\n");
        writer.Complete(0);
        writer.Finish();

        Assert.Equal("0,first\n" + expected, Text(output));
    }

    [Fact]
    public void Deferred_output_is_held_until_finish()
    {
        var output = new MemoryStream();
        var writer = new OrderedRowWriter(output, new RowSpool(1 << 20, Path.GetTempPath()), 1, deferUntilFinish: true);

        Append(writer, 0, "0,a\n");
        writer.Complete(0);
        Assert.Equal(0, output.Length);
        writer.Finish();

        Assert.Equal("0,a\n", Text(output));
    }

    private static (OrderedRowWriter Writer, MemoryStream Output) NewWriter(int units, long memoryBudget)
    {
        var output = new MemoryStream();
        return (new OrderedRowWriter(output, new RowSpool(memoryBudget, Path.GetTempPath()), units, deferUntilFinish: false), output);
    }

    private static void Append(OrderedRowWriter writer, int unit, string rows)
    {
        var bytes = Encoding.UTF8.GetBytes(rows);
        writer.Append(unit, bytes, 0, bytes.Length, Release);
    }

    private static string Text(MemoryStream output) => Encoding.UTF8.GetString(output.ToArray());
}
