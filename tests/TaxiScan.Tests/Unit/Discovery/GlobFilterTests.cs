using TaxiScan.Discovery;


namespace TaxiScan.Tests.Unit.Discovery;

public class GlobFilterTests
{
    [Theory]
    // A pattern without '/' looks at the name only, at any depth.
    [InlineData("*.csv", "a.csv", true)]
    [InlineData("*.csv", "2015/10/a.csv", true)]
    [InlineData("*.csv", "a.csv.gz", false)]
    [InlineData("*.csv", "a.CSV", false)]
    [InlineData("*.csv", "dir.csv/a.txt", false)]
    [InlineData("a**b.csv", "axyb.csv", true)]
    // A leading '/' anchors at the directory argument: top level only.
    [InlineData("/*.csv", "a.csv", true)]
    [InlineData("/*.csv", "2015/a.csv", false)]
    // A pattern with '/' matches the whole relative path; '*' never crosses a '/'.
    [InlineData("2015/*.csv", "2015/a.csv", true)]
    [InlineData("2015/*.csv", "2015/10/a.csv", false)]
    [InlineData("2015/*.csv", "x/2015/a.csv", false)]
    [InlineData("2015/*/a.csv", "2015/10/a.csv", true)]
    // '**' as a whole segment: any number of segments, zero included.
    [InlineData("archive/**", "archive/a.csv", true)]
    [InlineData("archive/**", "archive/x/y/a.csv", true)]
    [InlineData("archive/**", "archive", false)]
    [InlineData("archive/**", "old/archive/a.csv", false)]
    [InlineData("**/2015-*.csv", "2015-01.csv", true)]
    [InlineData("**/2015-*.csv", "a/b/2015-01.csv", true)]
    [InlineData("**/2015-*.csv", "a/b/2016-01.csv", false)]
    [InlineData("a/**/b.csv", "a/b.csv", true)]
    [InlineData("a/**/b.csv", "a/x/y/b.csv", true)]
    [InlineData("a/**/b.csv", "a/xb.csv", false)]
    [InlineData("**", "any/depth/x", true)]
    [InlineData("/**", "any/depth/x", true)]
    // '?' and character classes: one character, never '/'.
    [InlineData("?.csv", "a.csv", true)]
    [InlineData("?.csv", "ab.csv", false)]
    [InlineData("a?b/c.csv", "a/b/c.csv", false)]
    [InlineData("[abc].csv", "b.csv", true)]
    [InlineData("[abc].csv", "d.csv", false)]
    [InlineData("2015-1[0-2]-*.csv", "2015-11-01.csv", true)]
    [InlineData("2015-1[0-2]-*.csv", "2015-13-01.csv", false)]
    [InlineData("[!a-c]*.csv", "car.csv", false)]
    [InlineData("[!a-c]*.csv", "dog.csv", true)]
    [InlineData("[^a]*.csv", "b.csv", true)]
    [InlineData("x[!y]z/*", "x/z/a", false)]
    [InlineData("[]]x", "]x", true)]
    [InlineData("[a-]x", "-x", true)]
    // Everything else is literal, regex metacharacters and '\'-escaped wildcards included.
    [InlineData(@"\*.csv", "*.csv", true)]
    [InlineData(@"\*.csv", "a.csv", false)]
    [InlineData("a.c+v", "a.c+v", true)]
    [InlineData("a.c+v", "abccv", false)]
    [InlineData("(1)^$.csv", "(1)^$.csv", true)]
    [InlineData("深圳*.csv", "深圳_2015.csv", true)]
    public void A_single_include_pattern_matches_as_documented(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, GlobFilter.Create([pattern]).Matches(path));
    }

    [Theory]
    [InlineData("a.csv", true)]
    [InlineData("2015/b.txt", true)]
    [InlineData("c.md", false)]
    public void A_file_must_match_one_of_several_includes(string path, bool expected)
    {
        Assert.Equal(expected, GlobFilter.Create(["*.csv", "*.txt"]).Matches(path));
    }

    [Theory]
    [InlineData("a.csv", true)]
    [InlineData("notes.md", true)]
    [InlineData("x/a.tmp.csv", false)]
    public void Excludes_alone_keep_everything_else(string path, bool expected)
    {
        Assert.Equal(expected, GlobFilter.Create(["!*.tmp.csv"]).Matches(path));
    }

    [Theory]
    [InlineData("*.csv", "!archive/**")]
    [InlineData("!archive/**", "*.csv")]
    public void An_exclude_wins_over_an_include_whatever_their_order(string first, string second)
    {
        var filter = GlobFilter.Create([first, second]);

        Assert.Equal([true, false, false], new[] { "2015/a.csv", "archive/a.csv", "b.txt" }.Select(filter.Matches));
    }

    [Fact]
    public void An_anchored_exclude_drops_only_top_level_files()
    {
        var filter = GlobFilter.Create(["*.csv", "!/*.csv"]);

        Assert.Equal([false, true], new[] { "a.csv", "2015/a.csv" }.Select(filter.Matches));
    }

    [Fact]
    public void A_literal_leading_bang_is_escaped()
    {
        Assert.True(GlobFilter.Create([@"\!keep.csv"]).Matches("!keep.csv"));
    }

    [Fact]
    public void No_patterns_is_empty_and_matches_everything()
    {
        var filter = GlobFilter.Create([]);

        Assert.True(filter.IsEmpty);
        Assert.True(filter.Matches("any/thing.bin"));
        Assert.False(GlobFilter.Create(["!*.md"]).IsEmpty);
    }

    [Theory]
    [InlineData("[abc.csv", "invalid glob '[abc.csv': a '[' is never closed")]
    [InlineData("2015/[!", "invalid glob '2015/[!': a '[' is never closed")]
    [InlineData("[z-a].csv", "invalid glob '[z-a].csv': the range 'z-a' is reversed")]
    [InlineData("", "invalid glob '': it is empty")]
    [InlineData("!", "invalid glob '!': it is empty")]
    [InlineData("/", "invalid glob '/': it is empty")]
    [InlineData("a//b.csv", "invalid glob 'a//b.csv': it has an empty path segment ('//')")]
    [InlineData("archive/", "invalid glob 'archive/': it ends with '/', but globs match files: write 'dir/**' for everything below dir")]
    [InlineData(@"a\", @"invalid glob 'a\': a '\' at the end of a segment escapes nothing")]
    public void A_bad_pattern_is_a_one_line_argument_error_that_quotes_it(string pattern, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => GlobFilter.Create(["*.csv", pattern]));

        Assert.Equal(message, error.Message);
    }
}
