using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using TaxiScan.Model;
using TaxiScan.Output;
using TaxiScan.Platform;

namespace TaxiScan.Stats;

/// <summary>
/// <c>--stats FILE</c> (or <c>-</c> for stderr): the run's <see cref="RunStatistics"/> as one JSON
/// document (schema in the README), written with <see cref="Utf8JsonWriter"/> (no reflection: NativeAOT).
/// FILE is opened before anything is scanned, so a bad path fails at once, and written at the very end,
/// atomically like <c>--output</c> (a temporary file renamed over FILE), so that it holds the exit code.
/// </summary>
internal sealed class StatsReport : IDisposable
{
    /// <summary>Raised when a field changes meaning or goes away; new fields may appear without it.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonWriterOptions Layout = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ScanOptions _options;
    private readonly string _path;
    private readonly IOutputTarget _target;

    private StatsReport(ScanOptions options, string path, IOutputTarget target) => (_options, _path, _target) = (options, path, target);

    /// <summary>The report <c>--stats</c> asks for, ready to be written; null without <c>--stats</c>, or when <paramref name="error"/> says why not.</summary>
    public static StatsReport? Open(ScanOptions options, out string? error)
    {
        error = null;
        if (options.StatsPath is not { } path)
        {
            return null;
        }

        if (path == "-")
        {
            return new StatsReport(options, path, new StdoutTarget(Posix.StderrFd));
        }

        // Whether FILE names an input or another output has been decided before (Discovery.OutputClaims).
        try
        {
            return new StatsReport(options, path, DeviceFileTarget.OpenOutput(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"--stats {path}: cannot create the file: {e.Message}";
            return null;
        }
    }

    /// <summary>Writes the report, and says so on stderr if it cannot.</summary>
    /// <returns>The run's exit code; 2 if the report could not be written (unless a signal ended the run).</returns>
    public int Write(RunStatistics run, int exitCode, bool interrupted)
    {
        try
        {
            using (var json = new Utf8JsonWriter(_target.Stream, Layout))
            {
                WriteDocument(json, run, exitCode, interrupted);
            }

            _target.Stream.Write("\n"u8);
            _target.Commit();
            return exitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(UserMessage.Of($"--stats {_path}: cannot write the file: {e.Message}"));
            return interrupted ? exitCode : ExitCodes.Error;
        }
    }

    public void Dispose() => _target.Dispose();

    internal void WriteDocument(Utf8JsonWriter json, RunStatistics run, int exitCode, bool interrupted)
    {
        var totals = run.Files.Aggregate(default(UnitStats), (sum, file) => sum.Add(file.Stats));
        var seconds = Math.Max(run.Wall.TotalSeconds, 1e-6);
        json.WriteStartObject();
        json.WriteNumber("schema_version", SchemaVersion);

        json.WriteStartObject("run");
        json.WriteString("taxiscan_version", Version);
        json.WriteNumber("ids", _options.Match.Ids.Count);
        json.WriteNumber("workers", _options.Workers);
        json.WriteNumber("exit_code", exitCode);
        json.WriteBoolean("interrupted", interrupted);
        json.WriteNumber("recovered_workers", run.RecoveredWorkers);
        json.WriteEndObject();

        json.WriteStartObject("totals");
        json.WriteNumber("files", run.Files.Count);
        json.WriteNumber("bytes", totals.Bytes);
        json.WriteNumber("rows", totals.Rows);
        json.WriteNumber("matches", totals.Matched);
        json.WriteNumber("malformed", totals.Malformed);
        json.WriteNumber("errors", run.Errors.Count);
        json.WriteNumber("scan_ms", Milliseconds(totals.ElapsedMicroseconds));
        json.WriteNumber("wall_ms", Math.Round(seconds * 1000, 3));
        json.WriteNumber("throughput_mb_s", Math.Round(totals.Bytes / 1e6 / seconds, 3));
        json.WriteEndObject();

        json.WriteStartArray("files");
        foreach (var file in run.Files)
        {
            WriteFile(json, file);
        }

        json.WriteEndArray();
        WriteStrings(json, "errors", run.Errors);
        json.WriteEndObject();
    }

    private static string Version =>
        typeof(StatsReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private static void WriteFile(Utf8JsonWriter json, FileStatistics file)
    {
        json.WriteStartObject();
        json.WriteString("path", file.Path);
        json.WriteString("status", file.Status switch
        {
            FileStatus.Complete => "complete",
            FileStatus.Skipped => "skipped",
            FileStatus.Failed => "failed",
            _ => "not_scanned",
        });
        json.WriteNumber("bytes", file.Stats.Bytes);
        json.WriteNumber("rows", file.Stats.Rows);
        json.WriteNumber("matches", file.Stats.Matched);
        json.WriteStartObject("malformed");
        json.WriteNumber("total", file.Stats.Malformed);
        json.WriteNumber("no_delimiter", file.MalformedByKind.NoDelimiter);
        json.WriteNumber("short_row", file.MalformedByKind.ShortRow);
        json.WriteNumber("bad_quoting", file.MalformedByKind.BadQuoting);
        json.WriteNumber("nul_bytes", file.MalformedByKind.Binary);
        json.WriteNumber("too_long", file.MalformedByKind.TooLong);
        json.WriteEndObject();
        json.WriteNumber("scan_ms", Milliseconds(file.Stats.ElapsedMicroseconds));
        WriteDialect(json, file.Dialect);
        WriteStrings(json, "errors", file.Errors);
        WriteStrings(json, "warnings", file.Warnings);
        json.WriteEndObject();
    }

    private static void WriteDialect(Utf8JsonWriter json, Dialect? dialect)
    {
        if (dialect is null)
        {
            json.WriteNull("dialect");
            return;
        }

        json.WriteStartObject("dialect");
        // One character, as -d takes it: " " is runs of blanks (-d ' '), never a single space.
        json.WriteString("delimiter", ((char)dialect.Delimiter.Byte).ToString());
        json.WriteBoolean("delimiter_guessed", dialect.DelimiterGuessed);
        json.WriteBoolean("quoted", dialect.Quoted);
        json.WriteBoolean("header", dialect.HasHeader);
        json.WriteNumber("id_column", dialect.IdColumn + 1);
        if (dialect.IdColumnName is { } name)
        {
            json.WriteString("id_column_name", name);
        }
        else
        {
            json.WriteNull("id_column_name");
        }

        if (dialect.ExpectedFields > 0)
        {
            json.WriteNumber("fields", dialect.ExpectedFields);
        }
        else
        {
            json.WriteNull("fields");
        }

        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static double Milliseconds(long microseconds) => microseconds / 1000.0;
}
