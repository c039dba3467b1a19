using System.Text;
using TaxiScan.Matching;
using TaxiScan.Model;

namespace TaxiScan.Tests.Unit.Matching;

/// <summary>Each candidate search finds every row that can match (and the block edges), and skips rows that cannot.</summary>
public class CandidateSearchTests
{
    private static readonly Dialect FirstColumnComma = new() { Delimiter = DelimiterChoice.Of((byte)','), IdColumn = 0, ExpectedFields = 3 };

    [Fact]
    public void One_id_in_the_first_field_finds_the_first_row_and_rows_after_line_breaks_only()
    {
        var search = SearchFor(["11865"], FirstColumnComma);
        var lines = "11865,a,b\n1,11865,c\n118650,x,y\n11865,d,e\n11865"u8;

        Assert.IsType<LineStartSearch>(search);
        Assert.Equal(["11865,a,b\n", "118650,x,y\n", "11865,d,e\n", "11865"], Candidates(search, lines));
    }

    [Fact]
    public void One_id_in_another_column_finds_every_row_that_holds_its_bytes()
    {
        var dialect = FirstColumnComma with { IdColumn = 2 };
        var search = SearchFor(["B7"], dialect);
        var lines = "1,2,B7\nB7,3,4\n5,6,AB77\n7,8,C\n9,10,B7"u8;

        Assert.IsType<IdBytesSearch>(search);
        Assert.Equal(["1,2,B7\n", "B7,3,4\n", "5,6,AB77\n", "9,10,B7"], Candidates(search, lines));
    }

    [Fact]
    public void Many_ids_in_the_first_field_find_each_of_them_and_skip_prefixes_and_suffixes()
    {
        var ids = Enumerable.Range(0, 1000).Select(i => (20000 + (i * 3)).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("7").ToArray();
        var search = SearchFor(ids, FirstColumnComma);
        var lines = "20000,a\n2000,b\n200000,c\n22997,d\n22998,e\n7,f\n77,g\n20003"u8;

        Assert.IsType<LineStartSetSearch>(search);
        var found = Candidates(search, lines);
        Assert.Contains("20000,a\n", found);
        Assert.Contains("22997,d\n", found);
        Assert.Contains("7,f\n", found);
        Assert.Contains("20003", found);
        Assert.DoesNotContain("2000,b\n", found);
        Assert.DoesNotContain("200000,c\n", found);
    }

    [Fact]
    public void Ids_of_many_lengths_and_numeric_ids_and_quoted_files_have_no_fast_search()
    {
        Assert.Null(SearchFor(["1", "22", "333", "4444", "55555"], FirstColumnComma));
        Assert.Null(SearchFor(["11865"], FirstColumnComma, numeric: true));
        Assert.Null(SearchFor(["11865"], FirstColumnComma with { Quoted = true }));
    }

    private static CandidateSearch? SearchFor(string[] ids, Dialect dialect, bool numeric = false) =>
        CandidateSearch.For(IdTest.Create(ids, numeric, Encoding.UTF8), dialect);

    private static List<string> Candidates(CandidateSearch? search, ReadOnlySpan<byte> lines)
    {
        Assert.NotNull(search);
        var found = new List<string>();
        var at = 0;
        int candidate;
        while (at < lines.Length && (candidate = search.NextCandidate(lines, at)) >= 0)
        {
            var end = lines[candidate..].IndexOf((byte)'\n');
            end = end < 0 ? lines.Length : candidate + end + 1;
            found.Add(Encoding.UTF8.GetString(lines[candidate..end]));
            at = end;
        }

        return found;
    }
}
