using System.IO.Pipes;
using System.Runtime.InteropServices;
using Serilog;
using TaxiScan.IO;
using TaxiScan.Logging;
using TaxiScan.Model;
using TaxiScan.Platform;
using TaxiScan.Protocol;
using TaxiScan.Scanning;

namespace TaxiScan.Workers;

/// <summary>
/// The worker process's main loop (the hidden <c>__worker</c> mode): reads its job from stdin, scans
/// its partition's units in order and reports everything as frames on its anonymous pipe. It never
/// touches the inherited stdout or stderr; its own log goes to the shared <c>--log-file</c> only.
/// </summary>
internal static class WorkerEntry
{
    /// <summary>Exit code when the coordinator went away (stdin or the pipe closed) before the work was done.</summary>
    public const int CoordinatorGone = 3;

    public static int Run(string pipeHandle)
    {
        // Ctrl-C, and the SIGHUP of a closing terminal, reach every process of the terminal's foreground group,
        // workers included. The coordinator decides what happens (it kills the workers), so a worker ignores both:
        // dying on its own, it would be taken for a crashed worker and scanned again.
        using var ignoreInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        using var ignoreHangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => context.Cancel = true);

        var stdin = Console.OpenStandardInput();
        WorkerJob job;
        try
        {
            job = WorkerJobCodec.Read(stdin);
        }
        catch (EndOfStreamException)
        {
            return CoordinatorGone; // it died before sending the job: nobody is left to tell
        }
        catch (InvalidDataException e)
        {
            // Not our job (another build's coordinator, or bytes that are no job at all): say so on the
            // stderr the coordinator quotes when a worker fails, and scan nothing.
            Console.Error.WriteLine(UserMessage.Of($"worker: {e.Message}"));
            return ExitCodes.Error;
        }

        WatchForCoordinatorExit(stdin);

        using var log = LogSetup.ForWorker(job.LogFilePath, job.WorkerIndex);
        using var pipe = new AnonymousPipeClientStream(PipeDirection.Out, pipeHandle);
        using var frames = new FrameWriter(pipe);
        try
        {
            ScanPartition(job, frames, log);
            return 0;
        }
        catch (CoordinatorGoneException)
        {
            return CoordinatorGone;
        }
    }

    private static void ScanPartition(WorkerJob job, FrameWriter frames, ILogger log)
    {
        frames.Hello(job.WorkerIndex, Environment.ProcessId);
        var scanner = new UnitScanner(job.Match, exactPathOnly: job.Match.ExamineEveryRow);
        var transcoder = job.Match.OutputUtf8 && !TextEncodings.IsUtf8(job.Match.InputEncoding)
            ? new OutputTranscoder(TextEncodings.Get(job.Match.InputEncoding))
            : null;
        var printedEncoding = transcoder is null ? TextEncodings.Get(job.Match.InputEncoding) : System.Text.Encoding.UTF8;
        var sink = new FrameScanSink(frames, transcoder, job.Delivery, printedEncoding);
        var totals = default(UnitStats);
        using var zips = new OpenZipArchive();
        foreach (var unit in job.Units)
        {
            frames.UnitStarted(unit.Index);
            sink.BeginUnit(unit, totals);
            UnitScanResult scanned;
            try
            {
                using var opened = InputOpener.Open(unit.Kind, unit.Path, unit.Member, zips);

                // A plain file is read as it was listed: appended rows are for the next run, and one that
                // shrank meanwhile fails (ListedLengthStream). A FIFO named on the command line has no length.
                using var input = unit.Kind == InputKind.File && Posix.IsRegularFile(unit.Path)
                    ? new ListedLengthStream(opened, unit.Length)
                    : opened;
                scanned = scanner.Scan(input, unit.Range, unit.EveryRow, sink, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or UnitRejectedException)
            {
                // The unit's rows (some may be in flight already) are discarded by the coordinator.
                frames.Diagnostic(unit.Index, 0, DiagnosticLevel.Error, ReasonOf(e, unit));
                frames.UnitFinished(unit.Index, UnitStatus.Failed, default);
                frames.Flush();
                log.Error("{File:l}: {Reason:l}", unit.DisplayPath, ReasonOf(e, unit));
                continue;
            }

            if (scanned.QuoteInRange)
            {
                // Not an error: the coordinator discards this range's rows and has the file read on from a safe cut.
                frames.UnitFinished(unit.Index, UnitStatus.QuoteInRange, default);
                frames.Flush(); // the coordinator starts the read-on now, not after this worker's next unit
                continue;
            }

            var stats = scanned.Stats;
            sink.FinishUnit();
            frames.UnitFinished(unit.Index, UnitStatus.Complete, stats, sink.MalformedByKind);
            frames.Flush();
            totals = totals.Add(stats);
            log.Information(
                "Scanned {File:l}: {Bytes} bytes, {Rows} rows, {Matched} matched, {Malformed} malformed in {ElapsedMs} ms",
                unit.DisplayPath, stats.Bytes, stats.Rows, stats.Matched, stats.Malformed, stats.ElapsedMicroseconds / 1000.0);
        }

        frames.PartitionFinished(job.Units.Count, totals);
        frames.Flush();
    }

    private static string ReasonOf(Exception e, WorkUnit unit) => e switch
    {
        FileNotFoundException when unit.Kind == InputKind.ZipMember && File.Exists(unit.Path) => e.Message, // the member is gone
        // Discovery listed only files that existed: this one went away (deleted or renamed) since then.
        FileNotFoundException or DirectoryNotFoundException => "No such file or directory: it was removed after the inputs were listed",
        UnauthorizedAccessException => "Permission denied",
        _ => e.Message,
    };

    // The coordinator keeps our stdin open for as long as it lives. When it dies, even by SIGKILL, the
    // kernel closes that pipe and this read returns 0: stop at once rather than scan for nobody.
    private static void WatchForCoordinatorExit(Stream stdin)
    {
        var watcher = new Thread(() =>
        {
            var buffer = new byte[64];
            try
            {
                while (stdin.Read(buffer) > 0)
                {
                }
            }
            catch (IOException)
            {
            }

            Environment.Exit(CoordinatorGone);
        })
        {
            IsBackground = true,
            Name = "coordinator-watch",
        };
        watcher.Start();
    }
}
