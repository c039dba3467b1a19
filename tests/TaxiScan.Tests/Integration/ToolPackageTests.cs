using TaxiScan.Tests.Support;

namespace TaxiScan.Tests.Integration;

/// <summary>
/// The .NET tool package, as a new user gets it: packed, installed with <c>dotnet tool install</c> into a
/// temporary tool path, and run on <c>samples/</c>. The framework-dependent form packs in seconds; the NativeAOT
/// form (the default) compiles for a minute and needs a C toolchain, so <c>tests/soak/pack-tool.sh</c> checks it.
/// </summary>
public class ToolPackageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    // What the package is built from, copied so that packing neither writes into the repository's obj/ and bin/
    // (which `dotnet build` and other tests use) nor depends on their state.
    private static readonly string[] ProjectFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", "README.md"];

    [Fact]
    public void The_framework_dependent_tool_package_installs_and_finds_the_sample_rows()
    {
        using var dir = new TempDir();
        var repository = CopyProject(dir.Combine("repository"));
        var artifacts = dir.Combine("artifacts");
        var tools = dir.Combine("tools");

        var pack = Dotnet(repository, "pack", "src/TaxiScan", "-o", artifacts, "-p:TaxiScanToolForm=framework", "--disable-build-servers");
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var package = Assert.Single(Directory.GetFiles(artifacts));
        Assert.Matches(@"^taxiscan\.[0-9]+\.[0-9]+\.[0-9]+\.nupkg$", Path.GetFileName(package));

        // --source, not --add-source: only the package just made, whatever feeds this machine has (or lacks).
        var install = Dotnet(dir.Path, "tool", "install", "--tool-path", tools, "--source", artifacts, "taxiscan");
        Assert.True(install.ExitCode == 0, install.ToString());

        var run = TaxiScanRun.RunProgram(RepoPaths.Root, new Dictionary<string, string?>(), Timeout,
            Path.Combine(tools, "taxiscan"), "find", "--id", "11865", "--workers", "2", "samples/");
        Assert.True(run.ExitCode == 0, run.ToString());
        BytesAssert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, "shenzhen_gb2312.expected_rows.csv")), run.Stdout, run);
    }

    private static ProcessResult Dotnet(string workingDirectory, params string[] arguments)
    {
        // The test host's MSBuild variables would point the child CLI at this test run's build; node reuse
        // would leave MSBuild nodes holding our stdout pipe open after the pack has finished.
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase))
            {
                environment[name] = null;
            }
        }

        return TaxiScanRun.RunProgram(workingDirectory, environment, Timeout, "dotnet", arguments);
    }

    private static string CopyProject(string destination)
    {
        foreach (var file in ProjectFiles)
        {
            Directory.CreateDirectory(destination);
            File.Copy(Path.Combine(RepoPaths.Root, file), Path.Combine(destination, file));
        }

        var project = Path.Combine(RepoPaths.Root, "src", "TaxiScan");
        foreach (var file in Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(project, file);
            if (relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(destination, "src", "TaxiScan", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return destination;
    }
}
