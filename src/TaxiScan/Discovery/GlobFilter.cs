using System.Text;
using System.Text.RegularExpressions;

namespace TaxiScan.Discovery;

/// <summary>
/// The discovery stage's file filter, built from the repeatable <c>--glob PATTERN</c> option, with the
/// rules of gitignore and ripgrep's <c>-g</c>, applied to files only:
/// <list type="bullet">
/// <item>A pattern starting with '!' excludes, any other includes. When there is at least one include,
/// a file must match one of them; a file matching any exclude is dropped, whatever the includes say.</item>
/// <item>A pattern without '/' is matched against the file's name only, so <c>*.csv</c> matches at any
/// depth. A pattern with a '/' is matched against the whole path relative to the directory argument
/// ('/'-separated, no leading "./"), anchored at both ends; a leading '/' only anchors and is removed,
/// so <c>/*.csv</c> means top-level files only.</item>
/// <item><c>*</c> matches any run of characters but '/', <c>?</c> one character but '/', <c>[abc]</c>,
/// <c>[a-z]</c> one character of a class and <c>[!a]</c> (or <c>[^a]</c>) one not in it, never '/'.
/// A whole <c>**</c> segment matches any number, zero included, of whole path segments:
/// <c>**/x.csv</c>, <c>a/**/b.csv</c>, <c>dir/**</c> (everything below dir). Elsewhere <c>**</c> is a
/// plain <c>*</c>. A '\' makes the next character literal (<c>\!x.csv</c>, <c>\*</c>).</item>
/// <item>Matching is ordinal and case-sensitive.</item>
/// </list>
/// A pattern ending in '/' is rejected (patterns see files, not directories: write <c>dir/**</c>), as are
/// an empty pattern, an empty segment, an unclosed '[' and a reversed range, each with a one-line
/// <see cref="ArgumentException"/> that quotes the pattern. Patterns compile to non-backtracking
/// regexes: linear time whatever the pattern, and interpreted, so NativeAOT needs nothing extra.
/// </summary>
internal sealed class GlobFilter
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    private readonly Glob[] _includes;
    private readonly Glob[] _excludes;

    private GlobFilter(Glob[] includes, Glob[] excludes)
    {
        _includes = includes;
        _excludes = excludes;
    }

    /// <summary>True when no pattern was given: every file matches.</summary>
    public bool IsEmpty => _includes.Length == 0 && _excludes.Length == 0;

    public static GlobFilter Create(IEnumerable<string> patterns)
    {
        var includes = new List<Glob>();
        var excludes = new List<Glob>();
        foreach (var pattern in patterns)
        {
            var excluding = pattern.StartsWith('!');
            (excluding ? excludes : includes).Add(Glob.Compile(pattern, excluding ? pattern[1..] : pattern));
        }

        return new GlobFilter([.. includes], [.. excludes]);
    }

    /// <param name="relativePath">The file's path relative to the directory argument, '/'-separated.</param>
    public bool Matches(string relativePath)
    {
        var name = relativePath.AsSpan(relativePath.LastIndexOf('/') + 1);
        return (_includes.Length == 0 || AnyMatch(_includes, relativePath, name)) && !AnyMatch(_excludes, relativePath, name);
    }

    private static bool AnyMatch(Glob[] globs, ReadOnlySpan<char> path, ReadOnlySpan<char> name)
    {
        foreach (var glob in globs)
        {
            if (glob.Regex.IsMatch(glob.WholePath ? path : name))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Glob(Regex Regex, bool WholePath)
    {
        /// <param name="pattern">The pattern as given, for messages.</param>
        /// <param name="body">The pattern without its leading '!'.</param>
        public static Glob Compile(string pattern, string body)
        {
            var wholePath = body.Contains('/', StringComparison.Ordinal);
            if (body.StartsWith('/'))
            {
                body = body[1..];
            }

            if (body.Length == 0)
            {
                throw Invalid(pattern, "it is empty");
            }

            if (body.EndsWith('/'))
            {
                throw Invalid(pattern, "it ends with '/', but globs match files: write 'dir/**' for everything below dir");
            }

            var segments = body.Split('/');
            var regex = new StringBuilder(@"\A");
            for (var i = 0; i < segments.Length; i++)
            {
                var last = i == segments.Length - 1;
                switch (segments[i])
                {
                    case "":
                        throw Invalid(pattern, "it has an empty path segment ('//')");
                    case "**" when last:
                        // At the end: everything below the segments before it (but not the directory itself).
                        regex.Append(i == 0 ? ".*" : ".+");
                        break;
                    case "**":
                        // Zero or more whole segments; the '/' after this one is part of the repetition.
                        regex.Append("(?:[^/]+/)*");
                        continue;
                    default:
                        AppendSegment(regex, segments[i], pattern);
                        break;
                }

                if (!last)
                {
                    regex.Append('/');
                }
            }

            return new Glob(new Regex(regex.Append(@"\z").ToString(), Options), wholePath);
        }

        private static void AppendSegment(StringBuilder regex, string segment, string pattern)
        {
            for (var i = 0; i < segment.Length; i++)
            {
                switch (segment[i])
                {
                    case '*':
                        while (i + 1 < segment.Length && segment[i + 1] == '*')
                        {
                            i++;
                        }

                        regex.Append("[^/]*");
                        break;
                    case '?':
                        regex.Append("[^/]");
                        break;
                    case '[':
                        i = AppendClass(regex, segment, i, pattern);
                        break;
                    case '\\':
                        if (++i == segment.Length)
                        {
                            throw Invalid(pattern, "a '\\' at the end of a segment escapes nothing");
                        }

                        regex.Append(Regex.Escape(segment[i].ToString()));
                        break;
                    default:
                        regex.Append(Regex.Escape(segment[i].ToString()));
                        break;
                }
            }
        }

        /// <summary>Appends the class opening at <paramref name="open"/>; returns the index of its ']'.</summary>
        private static int AppendClass(StringBuilder regex, string segment, int open, string pattern)
        {
            var i = open + 1;
            var negated = i < segment.Length && segment[i] is '!' or '^';
            if (negated)
            {
                i++;
            }

            var members = new StringBuilder();
            var first = true;
            while (true)
            {
                if (i >= segment.Length)
                {
                    throw Invalid(pattern, "a '[' is never closed");
                }

                // A ']' right after the opening bracket is a member, as in "[]x]".
                if (segment[i] == ']' && !first)
                {
                    break;
                }

                if (segment[i] == '\\' && i + 1 < segment.Length)
                {
                    i++;
                }

                var low = segment[i];
                if (i + 2 < segment.Length && segment[i + 1] == '-' && segment[i + 2] != ']')
                {
                    var high = segment[i + 2];
                    if (high < low)
                    {
                        throw Invalid(pattern, $"the range '{low}-{high}' is reversed");
                    }

                    AppendClassMember(members, low).Append('-');
                    AppendClassMember(members, high);
                    i += 3;
                }
                else
                {
                    AppendClassMember(members, low);
                    i++;
                }

                first = false;
            }

            // A segment holds no '/', so a positive class cannot match one; a negated class must say so.
            regex.Append(negated ? "[^/" : "[").Append(members).Append(']');
            return i;
        }

        // Inside a .NET character class only these are special ("-[" starts a class subtraction).
        private static StringBuilder AppendClassMember(StringBuilder members, char c) =>
            c is '\\' or ']' or '[' or '^' or '-' ? members.Append('\\').Append(c) : members.Append(c);

        private static ArgumentException Invalid(string pattern, string reason) =>
            new($"invalid glob '{pattern}': {reason}");
    }
}
