using System.Diagnostics;
using System.IO.Pipes;
using TaxiScan.Platform;
using TaxiScan.Protocol;

namespace TaxiScan.Workers;

/// <summary>
/// The coordinator's handle on one worker child process: starts it with its own anonymous pipe, sends
/// the job on its stdin, drains its stdout and stderr, and can kill it. Reading the frames is the
/// caller's business (<see cref="Frames"/>).
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    // .NET does not close stray descriptors in children: a worker started while another worker's
    // inheritable pipe end is still open in this process inherits it, and that pipe's EOF is then
    // delayed until the unrelated worker exits. Starting one at a time and dropping our copy of the
    // client end right after Process.Start closes that window.
    private static readonly Lock StartLock = new();

    private readonly Process _process;
    private readonly AnonymousPipeServerStream _pipe;
    private readonly Task _stdoutDrain;
    private readonly Task<string> _stderrTail;
    private readonly Task _jobSent;

    private WorkerProcess(int index, Process process, AnonymousPipeServerStream pipe, WorkerJob job)
    {
        Index = index;
        _process = process;
        _pipe = pipe;
        Pid = process.Id;
        Frames = new FrameReader(new BufferedStream(pipe, ProtocolLimits.ReaderBufferBytes), index);
        _stdoutDrain = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        _stderrTail = ReadTailAsync(process.StandardError);

        // The job can be megabytes (100,000 paths); send it in the background so the next worker starts
        // meanwhile. stdin stays open afterwards: its EOF tells the worker that we are gone.
        _jobSent = Task.Run(() =>
        {
            try
            {
                WorkerJobCodec.Write(process.StandardInput.BaseStream, job);
            }
            catch (IOException)
            {
                // The worker died before reading its job; its exit code tells the story.
            }
        });
    }

    public int Index { get; }

    public int Pid { get; }

    public FrameReader Frames { get; }

    public static WorkerProcess Start(WorkerJob job)
    {
        var pipe = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.Inheritable, 0);
        Posix.TryGrowPipe((int)pipe.SafePipeHandle.DangerousGetHandle(), ProtocolLimits.PipeBufferBytes);
        var start = SelfLauncher.WorkerStartInfo(["--pipe", pipe.GetClientHandleAsString()]);
        Process process;
        lock (StartLock)
        {
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException("the worker process did not start");
            }
            finally
            {
                pipe.DisposeLocalCopyOfClientHandle();
            }
        }

        return new WorkerProcess(job.WorkerIndex, process, pipe, job);
    }

    /// <summary>Waits for the process to exit and returns its exit code and the last lines it wrote on stderr.</summary>
    public async Task<(int ExitCode, string StderrTail)> WaitForExitAsync()
    {
        await _process.WaitForExitAsync();
        await _jobSent;
        await _stdoutDrain;
        return (_process.ExitCode, await _stderrTail);
    }

    /// <summary>Kills the worker. Safe to call on an exited worker.</summary>
    public void Kill()
    {
        try
        {
            // Not the whole tree: a worker starts no process of its own, and walking the tree means
            // reading /proc/*/stat of every process on the machine, on every run's way out.
            if (!_process.HasExited)
            {
                _process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exiting right now.
        }
    }

    public void Dispose()
    {
        // Closing stdin last: a worker still running sees EOF and exits by itself.
        try
        {
            _process.StandardInput.Dispose();
        }
        catch (IOException)
        {
            // The worker died while its job was being written: the pipe is marked broken and the
            // writer's final flush throws. Its exit code has been reported; this is not an output error.
        }
        finally
        {
            _pipe.Dispose();
            _process.Dispose();
        }
    }

    // The last lines a dying worker wrote, stack frames left out: an unhandled exception's message is
    // what says why, and it comes before dozens of "   at ..." lines that would push it out of the tail.
    private static async Task<string> ReadTailAsync(StreamReader stderr)
    {
        var tail = new Queue<string>();
        while (await stderr.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("   at ", StringComparison.Ordinal))
            {
                continue;
            }

            if (tail.Count == 5)
            {
                tail.Dequeue();
            }

            tail.Enqueue(line);
        }

        return string.Join(" | ", tail);
    }
}
