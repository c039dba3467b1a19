using ArchUnitNET.Domain;
using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using Architecture = ArchUnitNET.Domain.Architecture;

namespace TaxiScan.Tests.Unit;

/// <summary>
/// The layer rules of docs/architecture.md, checked on the built assembly's dependency graph (ArchUnitNET reads
/// the IL, so every use counts: a field, a parameter, a call, a generic argument; a comment or a string does not).
/// Each folder of src/TaxiScan is one namespace and one layer; a folder uses only folders below it, peers on one
/// level do not use each other, nothing uses the root (Program), and each outside library is used by its one folder.
/// </summary>
public class LayerTests
{
    /// <summary>Bottom to top; folders on one line are peers.</summary>
    private static readonly string[][] Levels =
    [
        ["Platform"],
        ["Model"],
        ["IO"],
        ["Matching"],
        ["Scanning", "Discovery"],
        ["Planning"],
        ["Logging", "Output"],
        ["Protocol"],
        ["Workers"],
        ["Progress", "Stats", "Sharding"],
        ["Coordination"],
        ["Cli"],
    ];

    /// <summary>Each library and the one folder allowed to use it (the root, Program, may use System.CommandLine to invoke the parse).</summary>
    private static readonly (string Library, string[] Owners)[] LibraryOwners =
    [
        ("System.CommandLine", ["Cli", Root]),
        ("ShellProgressBar", ["Progress"]),
        ("CsvHelper", ["Scanning"]),
    ];

    private const string Root = "(root)";

    private static readonly Architecture Product =
        new ArchLoader().LoadAssemblies(typeof(TaxiScan.Program).Assembly).Build();

    [Fact]
    public void Every_folder_uses_only_folders_below_it_and_none_uses_a_peer_or_the_root()
    {
        FailListing("Layer rule broken (docs/architecture.md):", LayerViolations(Product, "TaxiScan", Levels));
    }

    [Fact]
    public void The_folders_are_free_of_cycles()
    {
        SliceRuleDefinition.Slices().Matching("TaxiScan.(*)").Should().BeFreeOfCycles().Check(Product);
    }

    [Fact]
    public void Every_folder_of_the_product_has_a_place_in_the_layers()
    {
        var placed = Levels.SelectMany(level => level).Append(Root).ToHashSet();
        var folders = ProductTypes(Product, "TaxiScan").Select(type => FolderOf(type, "TaxiScan")).Distinct();

        var unplaced = folders.Where(folder => !placed.Contains(folder)).Order(StringComparer.Ordinal).ToArray();

        Assert.Empty(unplaced);
    }

    [Fact]
    public void Each_outside_library_is_used_only_by_the_folder_that_owns_it()
    {
        FailListing("Library used outside its folder:", LibraryViolations(Product, "TaxiScan"));
    }

    [Fact]
    public void The_library_rule_sees_a_real_use_so_an_empty_answer_means_something()
    {
        // Positive control: the owners do use their libraries, so the rule is looking at the right dependencies.
        var users = ProductTypes(Product, "TaxiScan")
            .SelectMany(type => type.Dependencies.Select(dependency => (Folder: FolderOf(type, "TaxiScan"), Target: NamespaceOf(dependency.Target))))
            .ToArray();

        foreach (var (library, owners) in LibraryOwners)
        {
            Assert.Contains(users, use => use.Target.StartsWith(library, StringComparison.Ordinal) && owners.Contains(use.Folder));
        }
    }

    [Fact]
    public void The_layer_check_reports_a_deliberate_upward_use_and_a_peer_use()
    {
        // Positive control on real IL: the fixture namespaces below hold a lower type that uses a higher one,
        // and two peers that use each other.
        var fixture = new ArchLoader().LoadAssemblies(typeof(LayerFixture.Low.Reader).Assembly).Build();
        const string prefix = "TaxiScan.Tests.Unit.LayerFixture";

        var violations = LayerViolations(fixture, prefix, [["Low"], ["PeerA", "PeerB"], ["High"]]);

        Assert.Equal(
            [
                $"{prefix}.Low.Reader uses {prefix}.High.Writer, but High is not below Low",
                $"{prefix}.PeerA.Left uses {prefix}.PeerB.Right, but PeerB is not below PeerA",
            ],
            violations);
    }

    /// <summary>Fails with every violation on its own line (xunit's collection message would cut them short).</summary>
    private static void FailListing(string title, List<string> violations)
    {
        if (violations.Count > 0)
        {
            Assert.Fail(title + Environment.NewLine + string.Join(Environment.NewLine, violations));
        }
    }

    /// <summary>Every use of a type of another folder that is not on a lower level, as one sentence each, sorted.</summary>
    private static List<string> LayerViolations(Architecture architecture, string prefix, string[][] levels)
    {
        var levelOf = new Dictionary<string, int>();
        for (var i = 0; i < levels.Length; i++)
        {
            foreach (var folder in levels[i])
            {
                levelOf[folder] = i;
            }
        }

        levelOf[Root] = levels.Length; // Program is on top: it may use anything, and nothing may use it.
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in ProductTypes(architecture, prefix))
        {
            var from = FolderOf(type, prefix);
            foreach (var target in type.Dependencies.Select(dependency => dependency.Target).Where(target => IsUnder(target, prefix)))
            {
                var to = FolderOf(target, prefix);
                if (to != from && levelOf.TryGetValue(from, out var fromLevel) && levelOf.TryGetValue(to, out var toLevel) && toLevel >= fromLevel)
                {
                    violations.Add($"{OuterName(type)} uses {OuterName(target)}, but {to} is not below {from}");
                }
            }
        }

        return [.. violations];
    }

    private static List<string> LibraryViolations(Architecture architecture, string prefix)
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in ProductTypes(architecture, prefix))
        {
            var folder = FolderOf(type, prefix);
            foreach (var target in type.Dependencies.Select(dependency => NamespaceOf(dependency.Target)))
            {
                foreach (var (library, owners) in LibraryOwners)
                {
                    if ((target == library || target.StartsWith(library + ".", StringComparison.Ordinal)) && !owners.Contains(folder))
                    {
                        violations.Add($"{OuterName(type)} uses {library}, which only {string.Join(" and ", owners)} may use");
                    }
                }
            }
        }

        return [.. violations];
    }

    private static IEnumerable<IType> ProductTypes(Architecture architecture, string prefix) =>
        architecture.Types.Where(type => IsUnder(type, prefix));

    private static bool IsUnder(IType type, string prefix) =>
        NamespaceOf(type) == prefix || NamespaceOf(type).StartsWith(prefix + ".", StringComparison.Ordinal);

    /// <summary>A generic parameter has no namespace of its own; it is nobody's dependency.</summary>
    private static string NamespaceOf(IType type) => type.Namespace?.FullName ?? "";

    /// <summary>The first namespace part after the prefix: TaxiScan.Cli.Options.WorkersOption is in Cli.</summary>
    private static string FolderOf(IType type, string prefix)
    {
        var name = NamespaceOf(type);
        if (name == prefix)
        {
            return Root;
        }

        var rest = name[(prefix.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>A nested or compiler-made type (a lambda's closure) is reported as the type a reader can find.</summary>
    private static string OuterName(IType type)
    {
        var name = type.FullName;
        var cut = name.IndexOfAny(['+', '<', '`']);
        return cut < 0 ? name : name[..cut].TrimEnd('.');
    }
}
