using System.Diagnostics;
using System.IO.Compression;
using System.IO.Pipes;
using TaxiScan.IO;
using TaxiScan.Model;
using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Unit.IO;

public class InputOpenerTests
{
    // Shenzhen-style rows: CRLF endings and a plate in GB2312 ("粤B" = D4 C1 42), as published.
    private static readonly byte[] Rows =
    [
        .. "22223,2015-10-01 08:00:01,114.02,22.53,0,"u8, 0xD4, 0xC1, .. "B12345\r\n"u8,
        .. "11865,2015-10-01 08:00:02,114.05,22.54,1,"u8, 0xD4, 0xC1, .. "B54321\r\n"u8,
    ];

    // An empty gzip member, as `gzip < /dev/null` writes it (bgzip ends every file with one).
    private static readonly byte[] EmptyMember =
        [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03, 0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

    [Theory]
    [InlineData("a.csv.gz", "Gzip")]
    [InlineData("DATA/A.CSV.GZ", "Gzip")]
    [InlineData("a.Gz", "Gzip")]
    [InlineData("a.csv", "File")]
    [InlineData("a.gzip", "File")]
    [InlineData("a.tgz", "File")]
    [InlineData("a.zip", "File")]
    public void The_kind_of_a_path_is_gzip_only_for_a_gz_suffix(string path, string expected)
    {
        // InputKind is internal and a public theory cannot take it as a parameter: pass its name.
        Assert.Equal(Enum.Parse<InputKind>(expected), InputOpener.KindOf(path));
    }

    [Fact]
    public void A_plain_file_is_read_byte_for_byte()
    {
        using var dir = new TempDir();
        var path = dir.Create("a.csv", Rows);

        Assert.Equal(Rows, ReadAll(InputKind.File, path));
    }

    [Theory]
    [InlineData(1 << 20)]
    [InlineData(7)]
    public void A_gzip_file_decompresses_to_the_identical_bytes_whatever_the_read_size(int readSize)
    {
        using var dir = new TempDir();
        var data = Rows.Concat(Noise(300_000)).Concat(Rows).ToArray();
        var path = dir.Create("a.csv.gz", Gzip(data));

        Assert.Equal(data, ReadAll(InputKind.Gzip, path, readSize));
    }

    [Fact]
    public void A_file_written_by_the_gzip_tool_with_a_name_in_its_header_decompresses()
    {
        using var dir = new TempDir();
        var plain = dir.Create("a.csv", Rows);
        RunShell("gzip -k \"$0\"", plain);

        Assert.Equal(Rows, ReadAll(InputKind.Gzip, plain + ".gz"));
    }

    [Fact]
    public void Concatenated_gzip_members_decompress_to_the_concatenated_data()
    {
        using var dir = new TempDir();
        var second = Noise(100_000);
        var path = dir.Create("ab.csv.gz", [.. Gzip(Rows), .. EmptyMember, .. Gzip(second), .. EmptyMember]);

        Assert.Equal([.. Rows, .. second], ReadAll(InputKind.Gzip, path));
    }

    [Fact]
    public void Members_joined_by_cat_decompress_to_both_files()
    {
        using var dir = new TempDir();
        var a = dir.Create("a.csv.gz", Gzip(Rows));
        var b = dir.Create("b.csv.gz", Gzip("33333,x\n"u8.ToArray()));
        RunShell("cat \"$0\" \"$1\" > \"$2\"", a, b, dir.Combine("c.csv.gz"));

        Assert.Equal([.. Rows, .. "33333,x\n"u8], ReadAll(InputKind.Gzip, dir.Combine("c.csv.gz")));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(5_000)]
    [InlineData(-9)]
    [InlineData(-8)]
    [InlineData(-1)]
    public void A_truncated_gzip_file_is_an_error_not_a_short_read(int cut)
    {
        using var dir = new TempDir();
        var whole = Gzip(Noise(50_000));
        var path = dir.Create("cut.csv.gz", whole[..(cut > 0 ? cut : whole.Length + cut)]);

        var error = Assert.Throws<InvalidDataException>(() => ReadAll(InputKind.Gzip, path));
        Assert.Equal("gzip data ends early: the file is truncated (or followed by bytes that are not gzip data)", error.Message);
    }

    [Fact]
    public void A_truncated_second_member_is_an_error()
    {
        using var dir = new TempDir();
        var second = Gzip(Noise(20_000));
        var path = dir.Create("cut.csv.gz", [.. Gzip(Rows), .. second[..^100]]);

        Assert.Throws<InvalidDataException>(() => ReadAll(InputKind.Gzip, path));
    }

    [Fact]
    public void Damaged_gzip_data_is_an_invalid_data_error()
    {
        using var dir = new TempDir();
        var bytes = Gzip(Noise(50_000));
        bytes[bytes.Length - 6] ^= 0x55;
        var badCrc = dir.Create("crc.csv.gz", bytes);

        var error = Assert.Throws<InvalidDataException>(() => ReadAll(InputKind.Gzip, badCrc));
        Assert.StartsWith("corrupt gzip data", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("22223,plain text named .gz\n", "not gzip data (no gzip header at the start of the file)")]
    [InlineData("", "empty file, not gzip data")]
    public void A_file_that_is_not_gzip_data_is_an_invalid_data_error(string contents, string message)
    {
        using var dir = new TempDir();
        var path = dir.Create("plain.csv.gz", contents);

        Assert.Equal(message, Assert.Throws<InvalidDataException>(() => ReadAll(InputKind.Gzip, path)).Message);
    }

    [Fact]
    public void Bytes_after_the_last_member_are_reported_like_a_truncation()
    {
        using var dir = new TempDir();
        var path = dir.Create("tail.csv.gz", [.. Gzip(Rows), 0, 0, 0, 0]);

        Assert.Throws<InvalidDataException>(() => ReadAll(InputKind.Gzip, path));
    }

    [Fact]
    public void A_zip_member_reads_as_its_identical_bytes_stored_or_deflated()
    {
        using var dir = new TempDir();
        var big = Rows.Concat(Noise(200_000)).ToArray();
        var zip = ZipFixture.Create(dir.Combine("a.zip"), ("stored.csv", Rows, CompressionLevel.NoCompression), ("d/deflated.csv", big, CompressionLevel.Optimal));

        Assert.Equal(Rows, ReadAll(InputKind.ZipMember, zip, member: "stored.csv"));
        Assert.Equal(big, ReadAll(InputKind.ZipMember, zip, member: "d/deflated.csv", readSize: 1000));
    }

    [Fact]
    public void A_missing_zip_member_is_file_not_found_naming_the_member_and_names_are_case_sensitive()
    {
        using var dir = new TempDir();
        var zip = ZipFixture.Create(dir.Combine("a.zip"), ("a.csv", Rows, CompressionLevel.Optimal));

        var error = Assert.Throws<FileNotFoundException>(() => InputOpener.Open(InputKind.ZipMember, zip, "A.csv"));
        Assert.Equal("the zip archive has no member named 'A.csv'", error.Message);
        Assert.Equal(zip, error.FileName);
    }

    [Fact]
    public void Disposing_a_zip_member_stream_closes_the_archive()
    {
        using var dir = new TempDir();
        var zip = ZipFixture.Create(dir.Combine("a.zip"), ("a.csv", Rows, CompressionLevel.Optimal));

        var member = InputOpener.Open(InputKind.ZipMember, zip, "a.csv");
        // .NET takes a shared advisory lock (flock) on every file it opens: an exclusive open fails while any is held.
        Assert.Throws<IOException>(() => new FileStream(zip, FileMode.Open, FileAccess.Read, FileShare.None).Dispose());
        member.Dispose();
        new FileStream(zip, FileMode.Open, FileAccess.Read, FileShare.None).Dispose();
    }

    [Fact]
    public void A_zip_member_shorter_than_its_recorded_length_is_an_invalid_data_error()
    {
        using var dir = new TempDir();
        var zip = ZipFixture.Create(dir.Combine("a.zip"), ("a.csv", Rows, CompressionLevel.NoCompression));
        var bytes = File.ReadAllBytes(zip);
        // Central directory header (PK\1\2): the uncompressed size is the 4 bytes at offset 24.
        var header = bytes.AsSpan().IndexOf("PK\u0001\u0002"u8);
        bytes[header + 24] += 10;
        File.WriteAllBytes(zip, bytes);

        var error = Assert.Throws<InvalidDataException>(() => ReadAll(InputKind.ZipMember, zip, "a.csv"));
        Assert.Equal($"zip member 'a.csv' decompressed to {Rows.Length} bytes, but the archive records {Rows.Length + 10}: the archive is corrupt", error.Message);
    }

    [Fact]
    public void A_descriptor_of_a_pipe_written_by_a_child_process_is_read_to_the_end()
    {
        using var dir = new TempDir();
        var data = Rows.Concat(Noise(300_000)).ToArray();
        var source = dir.Create("source.bin", data);
        using var pipe = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.Inheritable);
        var child = new ProcessStartInfo("sh") { UseShellExecute = false, ArgumentList = { "-c", "cat \"$0\" > /dev/fd/$1", source, pipe.GetClientHandleAsString() } };
        using var process = Process.Start(child)!;
        // Our copy of the write end must go, or the read below never sees end of file.
        pipe.DisposeLocalCopyOfClientHandle();

        var read = ReadAll(InputKind.Stdin, $"/dev/fd/{pipe.SafePipeHandle.DangerousGetHandle()}");

        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(data, read);
    }

    [Fact]
    public void A_descriptor_of_a_redirected_file_is_read_from_where_it_stands_and_stays_open()
    {
        using var dir = new TempDir();
        var path = dir.Create("a.csv", Rows);
        using var redirected = new FileStream(path, FileMode.Open, FileAccess.Read);
        redirected.ReadExactly(new byte[6]);
        var descriptor = $"/dev/fd/{redirected.SafeFileHandle.DangerousGetHandle()}";

        Assert.Equal(Rows[6..], ReadAll(InputKind.Stdin, descriptor));
        Assert.Equal(Rows[6..], ReadAll(InputKind.Stdin, descriptor));
    }

    [Theory]
    [InlineData("/dev/stdin")]
    [InlineData("/dev/fd/x")]
    [InlineData("/dev/fd/-1")]
    [InlineData("3")]
    public void A_descriptor_path_must_be_dev_fd_and_a_number(string path)
    {
        Assert.Throws<ArgumentException>(() => InputOpener.Open(InputKind.Stdin, path, member: null));
    }

    [Fact]
    public void Estimated_lengths_are_the_uncompressed_sizes()
    {
        using var dir = new TempDir();
        var plain = dir.Create("a.csv", Rows);
        var gzip = dir.Create("a.csv.gz", Gzip(Noise(70_000)));
        var zip = ZipFixture.Create(dir.Combine("a.zip"), ("m.csv", Noise(12_345), CompressionLevel.Optimal));

        Assert.Equal(Rows.Length, InputOpener.EstimatedLength(InputKind.File, plain, member: null));
        Assert.Equal(70_000, InputOpener.EstimatedLength(InputKind.Gzip, gzip, member: null));
        Assert.Equal(12_345, InputOpener.EstimatedLength(InputKind.ZipMember, zip, "m.csv"));
        Assert.Equal(0, InputOpener.EstimatedLength(InputKind.Stdin, "/dev/fd/0", member: null));
    }

    [Fact]
    public void A_gzip_estimate_below_the_compressed_length_wraps_by_4_GiB()
    {
        using var dir = new TempDir();
        var path = dir.Combine("big.csv.gz");
        using (var file = new FileStream(path, FileMode.CreateNew))
        {
            // Sparse: 8 MiB of compressed data can hold 4 GiB + 5 bytes, never just 5.
            file.SetLength(8 << 20);
            file.Seek(-4, SeekOrigin.End);
            file.Write([5, 0, 0, 0]);
        }

        Assert.Equal((1L << 32) + 5, InputOpener.EstimatedLength(InputKind.Gzip, path, member: null));
    }

    [Fact]
    public void A_gzip_estimate_falls_back_to_the_file_length_when_the_trailer_cannot_be_the_whole_file()
    {
        using var dir = new TempDir();
        var tiny = dir.Create("tiny.gz", [0x1f, 0x8b, 8, 0, 0, 0]);
        var repetitive = Enumerable.Repeat(Rows, 2_000).SelectMany(row => row).ToArray();
        var concatenated = dir.Create("ab.csv.gz", [.. Gzip(repetitive), .. Gzip("x\n"u8.ToArray())]);

        Assert.Equal(6, InputOpener.EstimatedLength(InputKind.Gzip, tiny, member: null));
        Assert.Equal(new FileInfo(concatenated).Length, InputOpener.EstimatedLength(InputKind.Gzip, concatenated, member: null));
    }

    private static byte[] ReadAll(InputKind kind, string path, string? member = null, int readSize = 1 << 20)
    {
        using var input = InputOpener.Open(kind, path, member);
        using var all = new MemoryStream();
        var buffer = new byte[readSize];
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            all.Write(buffer, 0, read);
        }

        return all.ToArray();
    }

    private static byte[] ReadAll(InputKind kind, string path, int readSize) => ReadAll(kind, path, member: null, readSize);

    // Fixed-seed bytes that barely compress, so compressed data spans many reads.
    private static byte[] Noise(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return compressed.ToArray();
    }

    private static void RunShell(string script, params string[] args)
    {
        var start = new ProcessStartInfo("sh") { UseShellExecute = false, ArgumentList = { "-c", script } };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
